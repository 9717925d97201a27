package io.functionruntime.bench;

import java.util.Map;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;

/**
 * The handler of the dispatch benchmarks: takes the event as a map, like the sample's
 * {@code main.handler}, and returns a fixed small response, so that what is measured is
 * the runtime's work around the call.
 */
public class NoOpHandler {

	public static final String ENTRY_POINT = "noop.handler";

	private static final Map<String, Object> RESPONSE = Map.of("statusCode", 200, "headers",
			Map.of("Content-Type", "application/json"), "body", "{\"ok\":true}");

	@FunctionHandler(ENTRY_POINT)
	public Map<String, Object> handler(Map<String, Object> event, Context context) {
		return RESPONSE;
	}

}
