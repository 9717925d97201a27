package io.functionruntime.internal.apigw;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An {@code x-yc-apigateway-cors} rule in effect on a path, as the gateway applies it: it
 * answers a preflight itself, and adds the origin headers to the other answers. A rule with
 * {@code origin: false} is no rule: the gateway leaves CORS to the function.
 *
 * @param origin the {@code Access-Control-Allow-Origin}, or {@code null} to echo the
 * request's {@code Origin} ({@code origin: true})
 * @param methods the {@code Access-Control-Allow-Methods}, or {@code null} to echo the
 * preflight's {@code Access-Control-Request-Method}
 * @param allowedHeaders the {@code Access-Control-Allow-Headers}, or {@code null}
 * @param exposedHeaders the {@code Access-Control-Expose-Headers}, or {@code null}
 * @param credentials whether {@code Access-Control-Allow-Credentials: true} is sent
 * @param maxAge the {@code Access-Control-Max-Age}, or {@code null}
 * @param optionsSuccessStatus the status of a preflight's answer
 */
record CorsRule(String origin, String methods, String allowedHeaders, String exposedHeaders, boolean credentials,
		Long maxAge, int optionsSuccessStatus) {

	/**
	 * Reads a rule of the spec.
	 * @param rule the rule's fields
	 * @return the rule, or {@code null} for {@code origin: false}
	 * @throws IllegalArgumentException when a field is missing or not of its type
	 */
	static CorsRule of(Map<?, ?> rule) {
		Object origin = rule.get("origin");
		if (origin == null) {
			throw new IllegalArgumentException("it has no origin");
		}
		if (Boolean.FALSE.equals(origin)) {
			return null;
		}
		Object credentials = rule.get("credentials");
		if (credentials != null && !(credentials instanceof Boolean)) {
			throw new IllegalArgumentException("credentials '" + credentials + "' is not a boolean");
		}
		return new CorsRule(Boolean.TRUE.equals(origin) ? null : list(origin), list(rule.get("methods")),
				list(rule.get("allowedHeaders")), list(rule.get("exposedHeaders")), Boolean.TRUE.equals(credentials),
				number(rule, "maxAge", 0, Long.MAX_VALUE), number(rule, "optionsSuccessStatus", 100, 599, 200L).intValue());
	}

	/** A string as is, a list of strings joined by commas. */
	private static String list(Object value) {
		if (value instanceof List<?> values) {
			return values.stream().map(String::valueOf).collect(Collectors.joining(","));
		}
		return (value != null) ? String.valueOf(value) : null;
	}

	private static Long number(Map<?, ?> rule, String name, long min, long max) {
		return number(rule, name, min, max, null);
	}

	private static Long number(Map<?, ?> rule, String name, long min, long max, Long absent) {
		Object value = rule.get(name);
		if (value == null) {
			return absent;
		}
		if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
				|| ((Number) value).longValue() > max) {
			throw new IllegalArgumentException(name + " '" + value + "' is not a whole number from " + min + " to " + max);
		}
		return ((Number) value).longValue();
	}

	/**
	 * Tells whether a request is a CORS preflight: {@code OPTIONS} with an {@code Origin}
	 * and an {@code Access-Control-Request-Method}.
	 * @param request the request
	 * @return whether it is one
	 */
	static boolean isPreflight(HttpServletRequest request) {
		return "OPTIONS".equalsIgnoreCase(request.getMethod()) && request.getHeader("Origin") != null
				&& request.getHeader("Access-Control-Request-Method") != null;
	}

	/**
	 * The headers of the gateway's answer to a preflight.
	 * @param request the preflight
	 * @return the headers, by name
	 */
	Map<String, String> preflightHeaders(HttpServletRequest request) {
		Map<String, String> headers = responseHeaders(request);
		headers.put("Access-Control-Allow-Methods",
				(this.methods != null) ? this.methods : request.getHeader("Access-Control-Request-Method"));
		put(headers, "Access-Control-Allow-Headers", this.allowedHeaders);
		put(headers, "Access-Control-Max-Age", (this.maxAge != null) ? this.maxAge.toString() : null);
		return headers;
	}

	/**
	 * The headers the gateway adds to the other answers on the rule's path.
	 * @param request the request
	 * @return the headers, by name
	 */
	Map<String, String> responseHeaders(HttpServletRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Access-Control-Allow-Origin", (this.origin != null) ? this.origin : request.getHeader("Origin"));
		put(headers, "Access-Control-Expose-Headers", this.exposedHeaders);
		put(headers, "Access-Control-Allow-Credentials", this.credentials ? "true" : null);
		return headers;
	}

	private static void put(Map<String, String> headers, String name, String value) {
		if (value != null) {
			headers.put(name, value);
		}
	}

}
