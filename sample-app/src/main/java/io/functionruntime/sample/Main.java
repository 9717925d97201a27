package io.functionruntime.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * The Java port of the cloud's example: returns the event and the context it was called
 * with, as the JSON body of the response. Prototype-scoped, as handlers with more than one
 * instance must be, so that it can be given more instances than the one of the sample's
 * configuration (benchmarks/run.sh gives it 32).
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
class Main {

	private final JsonMapper jsonMapper;

	Main(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@FunctionHandler("main.handler")
	Map<String, Object> handler(Map<String, Object> event, Context context) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", event);
		body.put("context", context);
		return Map.of("statusCode", 200, "body", this.jsonMapper.writeValueAsString(body));
	}

}
