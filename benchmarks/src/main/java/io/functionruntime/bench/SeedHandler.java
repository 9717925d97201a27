package io.functionruntime.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * A copy of the sample app's {@code main.handler} (package-private there, and the sample
 * jar is a Spring Boot executable jar that cannot be a dependency): answers the event and
 * the context as the JSON body, so the in-process figure matches the end-to-end one.
 */
public class SeedHandler {

	public static final String ENTRY_POINT = "seed.handler";

	private final JsonMapper jsonMapper;

	public SeedHandler(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@FunctionHandler(ENTRY_POINT)
	public Map<String, Object> handler(Map<String, Object> event, Context context) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("event", event);
		body.put("context", context);
		return Map.of("statusCode", 200, "body", this.jsonMapper.writeValueAsString(body));
	}

}
