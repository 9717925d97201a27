package io.functionruntime.internal.apigw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.functionruntime.internal.web.HeaderNames;
import io.functionruntime.internal.web.HttpEventMapper;
import io.functionruntime.internal.web.QueryString;
import io.functionruntime.internal.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Builds the event the gateway passes to a function, in the key order of real events:
 * payload format {@code 0.1}, the direct-call event plus {@code url}, {@code path} (the
 * spec's path), {@code pathParams}, {@code params} and {@code multiValueParams}; or
 * {@code 1.0}, AWS's format plus {@code parameters}, {@code multiValueParameters} and
 * {@code operationId}. Unlike a direct call, {@code Authorization} and {@code Cookie}
 * reach the function, and the gateway adds headers of its own.
 */
final class GatewayEvents {

	/** Hop-by-hop headers, which a proxy does not pass on. */
	private static final Set<String> HOP_BY_HOP = Set.of("Connection", "Keep-Alive", "Proxy-Connection",
			"Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade", "Expect");

	/** The gateway writes the day of the month unpadded: {@code 4/Jan/2023:23:47:03 +0000}. */
	private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter
		.ofPattern("d/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final String gatewayId;

	GatewayEvents(String gatewayId) {
		this.gatewayId = gatewayId;
	}

	/**
	 * Builds the event of a request.
	 * @param request the request
	 * @param match the operation it reaches
	 * @param body its body
	 * @param requestId the request id
	 * @param arrivalMillis when it arrived, epoch milliseconds
	 * @param authorizer the context its authorizer gave, or {@code null} when it has none
	 * @return the event, as the JSON object the function gets
	 */
	Map<String, Object> toEvent(HttpServletRequest request, GatewayRoutes.Match match, byte[] body, String requestId,
			long arrivalMillis, Map<String, Object> authorizer) {
		GatewayOperation operation = match.operation();
		String method = request.getMethod().toUpperCase(Locale.ROOT);
		String rawPath = GatewayRouting.pathOf(request);
		String rawQuery = request.getQueryString();
		QueryString query = QueryString.parseAll(rawQuery);
		Map<String, List<String>> multiValueHeaders = headers(request, operation, rawPath, rawQuery, requestId);
		Map<String, String> headers = lastValues(multiValueHeaders);
		Map<String, List<String>> multiValueParams = parameters(operation, match.pathParameters(), query, request);
		Map<String, String> params = lastValues(multiValueParams);
		boolean json = HttpEventMapper.isJson(request.getContentType());
		String encodedBody = json ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body);
		Map<String, Object> requestContext = requestContext(request, method, requestId, arrivalMillis,
				headers.getOrDefault("User-Agent", ""), authorizer, operation.integration().context(), params);
		Map<String, Object> event = new LinkedHashMap<>(32);
		event.put("httpMethod", method);
		event.put("headers", headers);
		if ("1.0".equals(operation.integration().payloadFormatVersion())) {
			event.put("multiValueHeaders", multiValueHeaders);
			event.put("queryStringParameters", query.lastValues());
			event.put("multiValueQueryStringParameters", query.values());
			event.put("requestContext", requestContext);
			event.put("version", "1.0");
			event.put("resource", operation.path().toString());
			event.put("path", rawPath);
			event.put("pathParameters", match.pathParameters());
			event.put("body", encodedBody);
			event.put("isBase64Encoded", !json);
			event.put("parameters", params);
			event.put("multiValueParameters", multiValueParams);
			event.put("operationId", operationId(operation));
			return event;
		}
		event.put("url", rawPath + "?" + ((rawQuery != null) ? rawQuery : ""));
		event.put("params", params);
		event.put("multiValueParams", multiValueParams);
		event.put("pathParams", match.pathParameters());
		event.put("multiValueHeaders", multiValueHeaders);
		event.put("queryStringParameters", query.lastValues());
		event.put("multiValueQueryStringParameters", query.values());
		event.put("requestContext", requestContext);
		event.put("body", encodedBody);
		event.put("isBase64Encoded", !json);
		event.put("path", operation.path().toString());
		return event;
	}

	/**
	 * Builds the event the gateway passes to a function authorizer: the request as sent,
	 * before any body is read.
	 * @param request the request
	 * @param match the operation it reaches
	 * @param requestId the request id
	 * @param arrivalMillis when it arrived, epoch milliseconds
	 * @return the event, as the JSON object the authorizer gets
	 */
	Map<String, Object> toAuthorizerEvent(HttpServletRequest request, GatewayRoutes.Match match, String requestId,
			long arrivalMillis) {
		String method = request.getMethod().toUpperCase(Locale.ROOT);
		Map<String, String> headers = lastValues(HeaderNames.of(request, HOP_BY_HOP));
		Map<String, Object> event = new LinkedHashMap<>(16);
		event.put("resource", match.operation().path().toString());
		event.put("path", GatewayRouting.pathOf(request));
		event.put("httpMethod", method);
		event.put("headers", headers);
		event.put("queryStringParameters", QueryString.parseAll(request.getQueryString()).lastValues());
		event.put("pathParameters", match.pathParameters());
		event.put("requestContext", requestContext(request, method, requestId, arrivalMillis,
				headers.getOrDefault("User-Agent", ""), null, null, Map.of()));
		event.put("cookies", cookies(request));
		return event;
	}

	private Map<String, List<String>> headers(HttpServletRequest request, GatewayOperation operation, String rawPath,
			String rawQuery, String requestId) {
		Map<String, List<String>> headers = HeaderNames.of(request, HOP_BY_HOP);
		String clientIp = request.getRemoteAddr();
		List<String> forwardedFor = headers.get(HeaderNames.FORWARDED_FOR);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String traceId = hex16(random);
		headers.put("Uber-Trace-Id", List.of(traceId + ":" + hex16(random) + ":" + hex16(random) + ":1"));
		headers.put("Traceparent", List.of("00-0000000000000000" + traceId + "-" + hex16(random) + "-01"));
		headers.put("Tracestate", List.of(""));
		headers.put("X-Api-Gateway-Function-Id", List.of(operation.function().settings().id()));
		headers.put("X-Envoy-External-Address", List.of(clientIp));
		headers.put("X-Envoy-Original-Path", List.of(rawPath + ((rawQuery != null) ? "?" + rawQuery : "")));
		headers.put(HeaderNames.FORWARDED_FOR,
				List.of((forwardedFor != null) ? String.join(", ", forwardedFor) + ", " + clientIp : clientIp));
		headers.put("X-Forwarded-Proto", List.of("https"));
		headers.put(HeaderNames.REAL_REMOTE_ADDRESS, List.of(clientIp + ":" + request.getRemotePort()));
		headers.put(HeaderNames.REQUEST_ID, List.of(requestId));
		headers.put("X-Serverless-Certificate-Ids", List.of("{}"));
		headers.put("X-Serverless-Gateway-Id", List.of(this.gatewayId));
		headers.put(HeaderNames.TRACE_ID, List.of(RequestIds.next()));
		return headers;
	}

	private static String hex16(ThreadLocalRandom random) {
		return HexFormat.of().toHexDigits(random.nextLong());
	}

	/**
	 * The values of the parameters the spec declares, wherever they are: path, query,
	 * header or cookie. Undeclared ones are left out.
	 */
	private static Map<String, List<String>> parameters(GatewayOperation operation, Map<String, String> pathValues,
			QueryString query, HttpServletRequest request) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (GatewayOperation.Parameter parameter : operation.parameters()) {
			List<String> found = switch (String.valueOf(parameter.in())) {
				case "path" -> pathValues.containsKey(parameter.name()) ? List.of(pathValues.get(parameter.name()))
						: List.of();
				case "query" -> query.values().getOrDefault(parameter.name(), List.of());
				case "header" -> headerValues(request, parameter.name());
				case "cookie" -> allCookies(request).getOrDefault(parameter.name(), List.of());
				default -> List.of();
			};
			if (!found.isEmpty()) {
				values.put(parameter.name(), new ArrayList<>(found));
			}
		}
		return values;
	}

	private static List<String> headerValues(HttpServletRequest request, String name) {
		List<String> values = new ArrayList<>();
		Enumeration<String> all = request.getHeaders(name);
		while (all != null && all.hasMoreElements()) {
			values.add(all.nextElement());
		}
		return values;
	}

	/**
	 * Reads the cookies of a request, each with its last value.
	 * @param request the request
	 * @return the cookies, by name
	 */
	static Map<String, String> cookies(HttpServletRequest request) {
		return lastValues(allCookies(request));
	}

	/** Reads the cookies from the {@code Cookie} header as sent, without the container's parsing. */
	private static Map<String, List<String>> allCookies(HttpServletRequest request) {
		Map<String, List<String>> cookies = new LinkedHashMap<>();
		for (String header : headerValues(request, "Cookie")) {
			for (String pair : header.split(";")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					cookies.computeIfAbsent(pair.substring(0, equals).trim(), (name) -> new ArrayList<>())
						.add(pair.substring(equals + 1).trim());
				}
			}
		}
		return cookies;
	}

	private static Map<String, Object> requestContext(HttpServletRequest request, String method, String requestId,
			long arrivalMillis, String userAgent, Map<String, Object> authorizer, Object context,
			Map<String, String> params) {
		Map<String, Object> identity = new LinkedHashMap<>(4);
		identity.put("sourceIp", request.getRemoteAddr());
		identity.put("userAgent", userAgent);
		long epochSecond = Math.floorDiv(arrivalMillis, 1000);
		Map<String, Object> requestContext = new LinkedHashMap<>(8);
		requestContext.put("identity", identity);
		requestContext.put("httpMethod", method);
		requestContext.put("requestId", requestId);
		requestContext.put("requestTime", REQUEST_TIME.format(Instant.ofEpochSecond(epochSecond)));
		requestContext.put("requestTimeEpoch", epochSecond);
		if (authorizer != null) {
			requestContext.put("authorizer", authorizer);
		}
		if (context != null) {
			requestContext.put("apiGateway", Map.of("operationContext", OperationContext.substitute(context, params)));
		}
		return requestContext;
	}

	/**
	 * The spec's {@code operationId}, or else a stable 64-hex-digit id of the operation, as
	 * the gateway gives one: the SHA-256 of its method and path.
	 */
	private static String operationId(GatewayOperation operation) {
		if (operation.operationId() != null) {
			return operation.operationId();
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(operation.describe().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <V> Map<String, String> lastValues(Map<String, List<String>> multiValue) {
		Map<String, String> last = new LinkedHashMap<>(multiValue.size() * 2);
		multiValue.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
		return last;
	}

}
