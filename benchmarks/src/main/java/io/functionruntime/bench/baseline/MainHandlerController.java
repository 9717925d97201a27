package io.functionruntime.bench.baseline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a user would hand-write for the sample's {@code main.handler}: read the headers,
 * query and body, build the event and context maps with the same keys, and let Spring MVC
 * serialise them with Jackson. It does the same work, not a cheaper one: the headers the
 * runtime adds are added, the body is Base64 unless it is JSON, and ids come from the same
 * cheap random source as the runtime's (not {@code UUID.randomUUID()}, whose
 * {@code SecureRandom} would slow the baseline down).
 */
@RestController
class MainHandlerController {

	private static final DateTimeFormatter COMMON_LOG_FORMAT = DateTimeFormatter
		.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final String FUNCTION_ID = "d4eexample0000000001";

	private static final String VERSION_ID = "d4e00000000000000001";

	private static final long TIMEOUT_MS = 3000;

	@RequestMapping("/main.handler")
	ResponseEntity<Map<String, Object>> handle(HttpServletRequest request,
			@RequestBody(required = false) byte[] body) {
		long now = System.currentTimeMillis();
		String requestId = uuid();
		String method = request.getMethod();
		String clientIp = request.getRemoteAddr();

		Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
		Enumeration<String> names = request.getHeaderNames();
		while (names.hasMoreElements()) {
			String name = names.nextElement();
			multiValueHeaders.put(name, Collections.list(request.getHeaders(name)));
		}
		multiValueHeaders.put("X-Forwarded-For", List.of(clientIp));
		multiValueHeaders.put("X-Real-Remote-Address", List.of("[" + clientIp + "]:" + request.getRemotePort()));
		multiValueHeaders.put("X-Request-Id", List.of(requestId));
		multiValueHeaders.put("X-Trace-Id", List.of(uuid()));
		Map<String, String> headers = new LinkedHashMap<>();
		multiValueHeaders.forEach((name, values) -> headers.put(name, values.get(values.size() - 1)));

		Map<String, List<String>> multiValueQuery = new LinkedHashMap<>();
		Map<String, String> query = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			multiValueQuery.put(name, new ArrayList<>(List.of(values)));
			query.put(name, values[values.length - 1]);
		});

		String contentType = request.getContentType();
		boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
		byte[] bytes = (body != null) ? body : new byte[0];

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
		event.put("body", json ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes));
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
		return ResponseEntity.ok().header("X-Request-Id", requestId).body(answer);
	}

	private static String uuid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return new UUID(most, least).toString();
	}

}
