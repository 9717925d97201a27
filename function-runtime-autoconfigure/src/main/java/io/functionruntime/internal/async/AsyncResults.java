package io.functionruntime.internal.async;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.functionruntime.invoke.InvocationResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the bodies of the messages an asynchronous call leaves in its queues: the
 * function's return value as the runtime serializes it (a text as it is, bytes as UTF-8,
 * anything else as JSON), and for a failure the JSON error a direct call would have
 * answered, {@code {"errorMessage", "errorType", "stackTrace"}}.
 */
public class AsyncResults {

	private final JsonMapper jsonMapper;

	private final Function<InvocationResult, String> errorJson;

	/**
	 * Creates the writer.
	 * @param jsonMapper the runtime's mapper of results
	 * @param errorJson what writes the error of a direct call as JSON
	 */
	public AsyncResults(JsonMapper jsonMapper, Function<InvocationResult, String> errorJson) {
		this.jsonMapper = jsonMapper;
		this.errorJson = errorJson;
	}

	String success(Object value) {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return this.jsonMapper.writeValueAsString(value);
	}

	String failure(InvocationResult result) {
		return this.errorJson.apply(result);
	}

}
