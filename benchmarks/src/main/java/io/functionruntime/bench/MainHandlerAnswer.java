package io.functionruntime.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The sample's {@code main.handler} written by hand: the {@code {event, context}} answer built
 * from the request's parts, with the keys the runtime gives the event and the context. Shared by
 * the two hand-written peers of the load benchmark, the Spring MVC controller ({@code baseline})
 * and the Functions Framework function ({@code framework}), so that both do the same work: the
 * headers the runtime adds are added, the body is Base64 unless it is JSON, and ids come from
 * the same cheap random source as the runtime's (not {@code UUID.randomUUID()}, whose
 * {@code SecureRandom} would slow the peers down). Plain JDK types only: no servlet, Spring or
 * Functions Framework class, so that the Functions Framework jar needs Jackson alone.
 */
public final class MainHandlerAnswer {

	private static final DateTimeFormatter COMMON_LOG_FORMAT = DateTimeFormatter
		.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final String FUNCTION_ID = "d4eexample0000000001";

	private static final String VERSION_ID = "d4e00000000000000001";

	private static final long TIMEOUT_MS = 3000;

	private MainHandlerAnswer() {
	}

	/**
	 * A random (version 4) UUID from {@link ThreadLocalRandom}, as the runtime makes its ids.
	 * @return the id
	 */
	public static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return new UUID(most, least).toString();
	}

	/**
	 * Builds the answer of one call.
	 * @param requestId the call's id, also answered as {@code X-Request-Id}
	 * @param method the HTTP method
	 * @param clientIp the client's address
	 * @param clientPort the client's port
	 * @param multiValueHeaders the request's headers in their order, each with its values; a
	 * modifiable map of the caller's that gets the headers the runtime adds
	 * @param multiValueQuery the query's parameters, each with its values
	 * @param contentType the request's content type, or {@code null}
	 * @param body the request's body, empty when there is none
	 * @return {@code {event, context}}, for Jackson to write
	 */
	public static Map<String, Object> build(String requestId, String method, String clientIp, int clientPort,
			Map<String, List<String>> multiValueHeaders, Map<String, List<String>> multiValueQuery,
			String contentType, byte[] body) {
		long now = System.currentTimeMillis();
		multiValueHeaders.put("X-Forwarded-For", List.of(clientIp));
		multiValueHeaders.put("X-Real-Remote-Address", List.of("[" + clientIp + "]:" + clientPort));
		multiValueHeaders.put("X-Request-Id", List.of(requestId));
		multiValueHeaders.put("X-Trace-Id", List.of(newId()));
		Map<String, String> headers = new LinkedHashMap<>();
		multiValueHeaders.forEach((name, values) -> headers.put(name, values.get(values.size() - 1)));

		Map<String, String> query = new LinkedHashMap<>();
		multiValueQuery.forEach((name, values) -> query.put(name, values.get(values.size() - 1)));

		boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");

		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("sourceIp", clientIp);
		identity.put("userAgent", headers.getOrDefault("User-Agent", ""));
		Map<String, Object> requestContext = new LinkedHashMap<>();
		requestContext.put("identity", identity);
		requestContext.put("httpMethod", method);
		requestContext.put("requestId", requestId);
		requestContext.put("requestTime", COMMON_LOG_FORMAT.format(Instant.ofEpochMilli(now)));
		requestContext.put("requestTimeEpoch", now / 1000);

		Map<String, Object> event = new LinkedHashMap<>();
		event.put("httpMethod", method);
		event.put("headers", headers);
		event.put("multiValueHeaders", multiValueHeaders);
		event.put("queryStringParameters", query);
		event.put("multiValueQueryStringParameters", multiValueQuery);
		event.put("requestContext", requestContext);
		event.put("body", json ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
		event.put("isBase64Encoded", !json);
		event.put("path", "");
		event.put("url", "");
		event.put("params", Map.of());
		event.put("multiValueParams", Map.of());
		event.put("pathParams", Map.of());

		Map<String, Object> context = new LinkedHashMap<>();
		context.put("aws_request_id", requestId);
		context.put("deadline_ms", now + TIMEOUT_MS);
		context.put("function_name", FUNCTION_ID);
		context.put("function_version", VERSION_ID);
		context.put("invoked_function_arn", FUNCTION_ID);
		context.put("log_group_name", "ckg00000000000000001");
		context.put("log_stream_name", VERSION_ID);
		context.put("memory_limit_in_mb", 128);
		context.put("request_id", requestId);

		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("event", event);
		answer.put("context", context);
		return answer;
	}

}
