package io.functionruntime.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * Every answer is bounded: a result over {@code max-response-size} or with headers the
 * server cannot write is refused before anything is written, and an error carries at most
 * the first {@value #PAYLOAD_LIMIT} bytes of a result, a cut message and a cut stack trace.
 */
public class ResponseWriter {

	static final String MALFORMED_MESSAGE = "Malformed serverless function response: not a valid json";

	private static final Logger logger = LoggerFactory.getLogger(ResponseWriter.class);

	private static final String JSON = "application/json";

	private static final int MAX_MESSAGE_LENGTH = 16_384;

	private static final int MAX_FRAMES = 64;

	static final int PAYLOAD_LIMIT = 4096;

	static final String CUT = "…[cut]";

	/**
	 * The part of the server's response header limit kept for what is added on commit: the
	 * status line, {@code Content-Length}, {@code Date}, {@code Connection}, {@code Keep-Alive}
	 * and the headers of the application's filters.
	 */
	static final int HEADER_RESERVE = 1024;

	private static final String HANDLER_ADAPTER = "io.functionruntime.internal.registry.HandlerAdapter";

	private static final List<String> RESPONSE_FIELDS = List.of("statusCode", "headers", "multiValueHeaders", "body",
			"isBase64Encoded");

	private final JsonMapper jsonMapper;

	private final long maxResponseSize;

	private final long maxHeaderSize;

	private final boolean includeStackTrace;

	private final Set<String> warnedFunctions = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a writer.
	 * @param jsonMapper the mapper of results and errors, the runtime's own, which writes a
	 * POJO through its fields
	 * @param maxResponseSize the most bytes of a result, as JSON text in HTTP mode and as
	 * written in raw mode
	 * @param maxHeaderSize the server's response header limit, status line included
	 * @param includeStackTrace whether a handler's failure carries its stack trace
	 */
	public ResponseWriter(JsonMapper jsonMapper, long maxResponseSize, long maxHeaderSize,
			boolean includeStackTrace) {
		this.jsonMapper = jsonMapper;
		this.maxResponseSize = maxResponseSize;
		this.maxHeaderSize = maxHeaderSize;
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
	 * @param function the function that was called
	 * @param result the outcome
	 * @param raw whether the call was in raw mode
	 * @param requestId the request id, for the log
	 * @return what the client got: {@link Outcome#MALFORMED} when the handler's result was
	 * no valid response, otherwise the result's outcome
	 * @throws IOException when the client is gone
	 */
	public Outcome write(HttpServletResponse response, FunctionDefinition function, InvocationResult result,
			boolean raw, String requestId) throws IOException {
		if (result instanceof InvocationResult.Success success) {
			try {
				if (raw) {
					writeRaw(response, success.value());
				}
				else {
					writeProxy(response, function, success.value());
				}
				return Outcome.SUCCESS;
			}
			catch (UnwritableResultException ex) {
				logger.warn("Malformed function response, RequestID: {}: {}", requestId, ex.getMessage());
				writeError(response, 502,
						new ErrorBody(ex.errorMessage, "ProxyIntegrationError", null, ex.payload));
				return Outcome.MALFORMED;
			}
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
	 * Writes the JSON error a direct call would have been answered with, for a call that
	 * did not succeed: what an asynchronous call leaves in its failure queue.
	 * @param result how the call ended, not a success
	 * @return the error as JSON text
	 */
	public String errorJson(InvocationResult result) {
		ErrorBody body;
		if (result instanceof InvocationResult.Failure failure) {
			body = handlerError(failure.error());
		}
		else if (result instanceof InvocationResult.TimedOut timedOut) {
			body = ErrorBody.of("TimeoutError", "Function timed out after " + timedOut.timeoutMillis() + " ms");
		}
		else if (result instanceof InvocationResult.Throttled throttled) {
			body = ErrorBody.of("TooManyRequests", throttled.reason());
		}
		else if (result instanceof InvocationResult.ShuttingDown shuttingDown) {
			body = ErrorBody.of("ServiceUnavailable", shuttingDown.reason());
		}
		else {
			throw new IllegalArgumentException("A successful call has no error: " + result);
		}
		return this.jsonMapper.writeValueAsString(body);
	}

	/**
	 * Answers an asynchronous call: 202 with an empty body when it was accepted, else its
	 * refusal as a direct call's (429 when the buffer is full, 503 at shutdown).
	 * @param response the response
	 * @param function the function that was called
	 * @param refusal why the call was not accepted, empty when it was
	 * @param requestId the request id, for the log
	 * @throws IOException when the client is gone
	 */
	public void answerAsync(HttpServletResponse response, FunctionDefinition function,
			Optional<InvocationResult> refusal, String requestId) throws IOException {
		if (refusal.isPresent()) {
			write(response, function, refusal.get(), true, requestId);
		}
		else {
			write(response, 202, null, new byte[0]);
		}
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

	private void writeRaw(HttpServletResponse response, Object value) throws IOException {
		if (value instanceof String text) {
			requireWithinLimit(text);
			write(response, 200, "text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
		}
		else if (value instanceof byte[] bytes) {
			requireWithinLimit(bytes);
			write(response, 200, "application/octet-stream", bytes);
		}
		else {
			write(response, 200, JSON, serialise(value));
		}
	}

	private void writeProxy(HttpServletResponse response, FunctionDefinition function, Object value)
			throws IOException {
		JsonNode tree;
		if (value instanceof String text) {
			requireWithinLimit(text);
			try {
				tree = this.jsonMapper.readTree(text);
			}
			catch (JacksonException | StackOverflowError ex) {
				throw notJson(payload(text), ex);
			}
		}
		else if (value instanceof byte[] bytes) {
			requireWithinLimit(bytes);
			try {
				tree = this.jsonMapper.readTree(bytes);
			}
			catch (JacksonException | StackOverflowError ex) {
				throw notJson(payload(bytes), ex);
			}
		}
		else {
			tree = toTree(value);
		}
		ProxyResponse proxy;
		try {
			proxy = ProxyResponse.read(tree);
		}
		catch (MalformedResponseException ex) {
			throw new UnwritableResultException(MALFORMED_MESSAGE, payload(tree), ex.getMessage());
		}
		if (hasNoResponseField(tree) && this.warnedFunctions.add(function.entryPoint())) {
			logger.warn("Function '{}' returned a {} with none of the response fields {}, so it is answered 200 "
					+ "with an empty body, as in the cloud. To answer with JSON, wrap it: "
					+ "Map.of(\"statusCode\", 200, \"body\", json) or HttpResponse.of(200, json). "
					+ "Logged once per function.", function.entryPoint(), value.getClass().getName(), RESPONSE_FIELDS);
		}
		long headerSize = proxy.headers().isEmpty() ? 0 : headerSize(response, proxy.headers());
		if (headerSize > this.maxHeaderSize - HEADER_RESERVE) {
			throw new UnwritableResultException(
					"The function response headers are larger than the server allows (" + this.maxHeaderSize
							+ " bytes)",
					payload(tree), "the headers take " + headerSize + " bytes, more than the "
							+ (this.maxHeaderSize - HEADER_RESERVE) + " the server's limit leaves");
		}
		for (Map.Entry<String, List<String>> header : proxy.headers().entrySet()) {
			for (String headerValue : header.getValue()) {
				response.addHeader(header.getKey(), headerValue);
			}
		}
		write(response, proxy.status(), null, proxy.body());
	}

	/**
	 * Turns a result object into its JSON tree without writing it as text, unless its text
	 * could come near {@code max-response-size}: then it is written once, stopping at the
	 * limit, so that a huge result is never held whole, nor twice.
	 */
	private JsonNode toTree(Object value) {
		JsonNode tree;
		try {
			tree = this.jsonMapper.valueToTree(value);
		}
		catch (JacksonException | StackOverflowError ex) {
			throw new UnwritableResultException(MALFORMED_MESSAGE, "", "the result cannot be written as JSON: " + ex);
		}
		if (JsonTextBound.of(tree) > this.maxResponseSize) {
			requireWithinLimit(serialise(tree));
		}
		return tree;
	}

	/**
	 * Writes a result as JSON once, stopping at {@code max-response-size}, so that a huge
	 * result is never held whole, nor twice.
	 */
	private byte[] serialise(Object value) {
		BoundedOutput json = new BoundedOutput(this.maxResponseSize);
		try {
			this.jsonMapper.writeValue(json, value);
		}
		catch (JacksonException | StackOverflowError ex) {
			if (json.isOver()) {
				throw tooLarge(payload(json.buffer(), json.size(), true));
			}
			throw new UnwritableResultException(MALFORMED_MESSAGE, "", "the result cannot be written as JSON: " + ex);
		}
		return json.toByteArray();
	}

	private static UnwritableResultException notJson(String payload, Throwable ex) {
		return new UnwritableResultException(MALFORMED_MESSAGE, payload, "the result is not valid JSON: " + ex);
	}

	private void requireWithinLimit(String text) {
		if (utf8Length(text) > this.maxResponseSize) {
			throw tooLarge(payload(text));
		}
	}

	private void requireWithinLimit(byte[] bytes) {
		if (bytes.length > this.maxResponseSize) {
			throw tooLarge(payload(bytes));
		}
	}

	private UnwritableResultException tooLarge(String payload) {
		return new UnwritableResultException(
				"The function response is larger than max-response-size (" + this.maxResponseSize + " bytes)",
				payload, "the result is over max-response-size");
	}

	/** Counts the UTF-8 bytes of a text without encoding it. */
	private static long utf8Length(String text) {
		long length = text.length();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x800 && !Character.isSurrogate(c)) {
				length += 2;
			}
			else if (c >= 0x80) {
				length++;
			}
		}
		return length;
	}

	private static boolean hasNoResponseField(JsonNode tree) {
		for (String field : RESPONSE_FIELDS) {
			if (tree.has(field)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Counts the bytes the headers take on the wire, {@code Name: value} and CRLF each:
	 * the ones already set and the handler's. Without the handler's the answer carries only
	 * the runtime's own, which the reserve below the limit leaves room for.
	 */
	private static long headerSize(HttpServletResponse response, Map<String, List<String>> added) {
		long size = 0;
		for (String name : response.getHeaderNames()) {
			for (String value : response.getHeaders(name)) {
				size += name.length() + value.length() + 4;
			}
		}
		for (Map.Entry<String, List<String>> header : added.entrySet()) {
			for (String value : header.getValue()) {
				size += header.getKey().length() + value.length() + 4;
			}
		}
		return size;
	}

	private String payload(JsonNode tree) {
		BoundedOutput json = new BoundedOutput(PAYLOAD_LIMIT + 1);
		try {
			this.jsonMapper.writeValue(json, tree);
		}
		catch (JacksonException ex) {
			// Cut at the limit: what was written is the payload.
		}
		return payload(json.buffer(), json.size(), false);
	}

	private static String payload(String text) {
		byte[] head = text.substring(0, Math.min(text.length(), PAYLOAD_LIMIT + 1)).getBytes(StandardCharsets.UTF_8);
		return payload(head, head.length, false);
	}

	private static String payload(byte[] bytes) {
		return payload(bytes, bytes.length, false);
	}

	/**
	 * Returns the first {@value #PAYLOAD_LIMIT} bytes of a result's text, cut before a
	 * character that does not fit, and marked with {@value #CUT} when anything is left out.
	 */
	private static String payload(byte[] text, int length, boolean longer) {
		int end = Math.min(length, PAYLOAD_LIMIT);
		if (end < length) {
			while (end > 0 && (text[end] & 0xC0) == 0x80) {
				end--;
			}
		}
		String head = new String(text, 0, end, StandardCharsets.UTF_8);
		return (end < length || longer) ? head + CUT : head;
	}

	private ErrorBody handlerError(Throwable error) {
		Class<?> type = error.getClass();
		String errorType = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
		List<String> stackTrace = this.includeStackTrace ? userStackTrace(error) : null;
		return new ErrorBody(messageOf(error), errorType, stackTrace, null);
	}

	/**
	 * Returns the frames of the stack trace down to the handler, without the runtime's own
	 * frames that called it, so that no runtime internals reach the client; past
	 * {@value #MAX_FRAMES} frames only their count, so that a deep recursion stays small.
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
		List<String> trace = new ArrayList<>(Math.min(end, MAX_FRAMES + 1));
		for (int i = 0; i < Math.min(end, MAX_FRAMES); i++) {
			trace.add(frames[i].toString());
		}
		if (end > MAX_FRAMES) {
			trace.add("... " + (end - MAX_FRAMES) + " more frames");
		}
		return trace;
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

	/**
	 * A result that cannot be answered as it is: the 502 {@code ProxyIntegrationError} with
	 * the client's message and payload; the exception's message is the reason, for the log.
	 */
	private static final class UnwritableResultException extends RuntimeException {

		private final String errorMessage;

		private final String payload;

		UnwritableResultException(String errorMessage, String payload, String reason) {
			super(reason, null, false, false);
			this.errorMessage = errorMessage;
			this.payload = payload;
		}

	}

}
