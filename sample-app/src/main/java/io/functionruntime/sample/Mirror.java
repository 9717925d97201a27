package io.functionruntime.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import io.functionruntime.Handler;
import io.functionruntime.HttpEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Returns the request body, parsed as JSON, as its result: a client sends the response it
 * wants and sees how the runtime writes it. A handler declared as a type.
 */
@Component
@FunctionHandler("mirror.handler")
class Mirror implements Handler<HttpEvent, JsonNode> {

	private final JsonMapper jsonMapper;

	Mirror(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public JsonNode handle(HttpEvent event, Context context) {
		return this.jsonMapper.readTree(decodedBody(event));
	}

	static String decodedBody(HttpEvent event) {
		return event.isBase64Encoded()
				? new String(Base64.getDecoder().decode(event.body()), StandardCharsets.UTF_8) : event.body();
	}

}
