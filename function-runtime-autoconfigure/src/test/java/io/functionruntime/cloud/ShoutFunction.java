package io.functionruntime.cloud;

import java.util.Map;
import java.util.function.Function;

/**
 * A {@code Function} that is a bean of the application, made with a constructor argument,
 * so found as a bean rather than created by name.
 */
public class ShoutFunction implements Function<Map<String, Object>, Map<String, Object>> {

	private final String suffix;

	public ShoutFunction(String suffix) {
		this.suffix = suffix;
	}

	@Override
	public Map<String, Object> apply(Map<String, Object> event) {
		return Map.of("statusCode", 200, "body", String.valueOf(event.get("httpMethod")) + this.suffix);
	}

}
