package io.functionruntime.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.invoke.Outcome;
import io.functionruntime.registry.FunctionDefinition;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the outcome of a call (SPEC §6 and §7): a handler result as the HTTP response it
 * describes, or as is in raw mode; a failure, timeout or refusal as the cloud's JSON error.
 * Every response is complete, with a {@code Content-Length}, and carries the request id.
 */
public class ResponseWriter {

	static final String MALFORMED_MESSAGE = "Malformed serverless function response: not a valid json";

	private static final Logger logger = LoggerFactory.getLogger(ResponseWriter.class);

	private static final String JSON = "application/json";

	private static final int MAX_MESSAGE_LENGTH = 16_384;

	private static final String HANDLER_ADAPTER = "io.functionruntime.internal.registry.HandlerAdapter";

	private final JsonMapper jsonMapper;

	private final long maxResponseSize;

	private final boolean includeStackTrace;

	public ResponseWriter(JsonMapper jsonMapper, long maxResponseSize, boolean includeStackTrace) {
		this.jsonMapper = jsonMapper;
		this.maxResponseSize = maxResponseSize;
		this.includeStackTrace = includeStackTrace;
	}

	/**
	 * Sets the headers that every answer of a function carries.
	 * @param response the response
	 * @param function the function
	 */
	public void identify(HttpServletResponse response, FunctionDefinition function) {
		response.setHeader(HeaderNames.FUNCTION_ID, function.settings().id());
		response.setHeader(HeaderNames.FUNCTION_VERSION_ID, function.settings().versionId());
	}

	/**
	 * Writes the outcome of a call.
	 * @param response the response
	 * @param result the outcome
	 * @param raw whether the call was in raw mode
	 * @param requestId the request id, for the log
	 * @return what the client got: {@link Outcome#MALFORMED} when the handler's result was
	 * no valid response, otherwise the result's outcome
	 * @throws IOException when the client is gone
	 */
	public Outcome write(HttpServletResponse response, InvocationResult result, boolean raw, String requestId)
			throws IOException {
		if (result instanceof InvocationResult.Success success) {
			return raw ? writeRaw(response, success.value(), requestId)
					: writeProxy(response, success.value(), requestId);
		}
		if (result instanceof InvocationResult.Failure failure) {
			response.setHeader(HeaderNames.FUNCTION_ERROR, "true");
			writeError(response, 502, handlerError(failure.error()));
		}
		else if (result instanceof InvocationResult.TimedOut timedOut) {
			response.setHeader(HeaderNames.FUNCTION_ERROR, "true");
			writeError(response, 504,
					ErrorBody.of("TimeoutError", "Function timed out after " + timedOut.timeoutMillis() + " ms"));
		}
		else if (result instanceof InvocationResult.Throttled throttled) {
			writeError(response, 429, ErrorBody.of("TooManyRequests", throttled.reason()));
		}
		else if (result instanceof InvocationResult.ShuttingDown shuttingDown) {
			writeError(response, 503, ErrorBody.of("ServiceUnavailable", shuttingDown.reason()));
		}
		return Outcome.of(result);
	}

	/**
	 * Writes an error the runtime answers itself.
	 * @param response the response
	 * @param status the status
	 * @param body the error body
	 * @throws IOException when the client is gone
	 */
	void writeError(HttpServletResponse response, int status, ErrorBody body) throws IOException {
		write(response, status, JSON, this.jsonMapper.writeValueAsBytes(body));
	}

	private Outcome writeRaw(HttpServletResponse response, Object value, String requestId) throws IOException {
		if (value instanceof String text) {
			write(response, 200, "text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
		}
		else if (value instanceof byte[] bytes) {
			write(response, 200, "application/octet-stream", bytes);
		}
		else {
			byte[] json;
			try {
				json = this.jsonMapper.writeValueAsBytes(value);
			}
			catch (JacksonException | StackOverflowError ex) {
				return writeMalformed(response, null, "the result cannot be written as JSON: " + ex, requestId);
			}
			write(response, 200, JSON, json);
		}
		return Outcome.SUCCESS;
	}

	private Outcome writeProxy(HttpServletResponse response, Object value, String requestId) throws IOException {
		JsonNode tree;
		try {
			tree = toTree(value);
		}
		catch (JacksonException | StackOverflowError ex) {
			return writeMalformed(response, payloadText(value), "the result is not valid JSON: " + ex, requestId);
		}
		ProxyResponse proxy;
		try {
			proxy = ProxyResponse.read(tree, this.maxResponseSize);
		}
		catch (MalformedResponseException ex) {
			return writeMalformed(response, this.jsonMapper.writeValueAsString(tree), ex.getMessage(), requestId);
		}
		for (Map.Entry<String, List<String>> header : proxy.headers().entrySet()) {
			for (String headerValue : header.getValue()) {
				response.addHeader(header.getKey(), headerValue);
			}
		}
		write(response, proxy.status(), null, proxy.body());
		return Outcome.SUCCESS;
	}

	private JsonNode toTree(Object value) {
		if (value instanceof String text) {
			return this.jsonMapper.readTree(text);
		}
		if (value instanceof byte[] bytes) {
			return this.jsonMapper.readTree(bytes);
		}
		return this.jsonMapper.valueToTree(value);
	}

	private static String payloadText(Object value) {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return null;
	}

	private Outcome writeMalformed(HttpServletResponse response, String payload, String reason, String requestId)
			throws IOException {
		logger.warn("Malformed function response, RequestID: {}: {}", requestId, reason);
		writeError(response, 502, new ErrorBody(MALFORMED_MESSAGE, "ProxyIntegrationError", null,
				(payload != null) ? payload : ""));
		return Outcome.MALFORMED;
	}

	private ErrorBody handlerError(Throwable error) {
		Class<?> type = error.getClass();
		String errorType = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
		List<String> stackTrace = this.includeStackTrace ? userStackTrace(error) : null;
		return new ErrorBody(messageOf(error), errorType, stackTrace, null);
	}

	/**
	 * Returns the frames of the stack trace down to the handler, without the runtime's own
	 * frames that called it, so that no runtime internals reach the client.
	 */
	private static List<String> userStackTrace(Throwable error) {
		StackTraceElement[] frames = error.getStackTrace();
		int end = frames.length;
		for (int i = 0; i < frames.length; i++) {
			if (frames[i].getClassName().equals(HANDLER_ADAPTER)) {
				end = i;
				break;
			}
		}
		while (end > 0 && frames[end - 1].getClassName().startsWith("java.lang.invoke.")) {
			end--;
		}
		return Arrays.stream(frames, 0, end).map(StackTraceElement::toString).toList();
	}

	/**
	 * Reads the failure's message defensively: it may be absent, huge, or a method that
	 * throws.
	 */
	private static String messageOf(Throwable error) {
		try {
			String message = error.getMessage();
			if (message == null) {
				return "";
			}
			return (message.length() > MAX_MESSAGE_LENGTH) ? message.substring(0, MAX_MESSAGE_LENGTH) + "…" : message;
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private static void write(HttpServletResponse response, int status, String contentType, byte[] body)
			throws IOException {
		response.setStatus(status);
		if (contentType != null) {
			response.setContentType(contentType);
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
