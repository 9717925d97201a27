package io.functionruntime.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.functionruntime.HttpEvent;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns a servlet request into the cloud's HTTP event (SPEC §3): canonical header names,
 * the headers the router removes taken out and the ones it adds put in, the query in
 * last-value and multi-value form, the request context, and the body as text for
 * {@code application/json} and Base64 for everything else.
 */
public class HttpEventMapper {

	private static final Set<String> REMOVED_HEADERS = Set.of("Expect", "Te", "Trailer", "Upgrade",
			"Proxy-Authenticate", "Authorization", "Connection", "Content-Md5", "Max-Forwards", "Server",
			"Transfer-Encoding", "Www-Authenticate", "Cookie");

	private static final DateTimeFormatter COMMON_LOG_FORMAT = DateTimeFormatter
		.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private volatile RequestTime lastRequestTime = new RequestTime(0, COMMON_LOG_FORMAT.format(Instant.EPOCH));

	/**
	 * Builds the event of a request.
	 * @param request the request
	 * @param query its parsed query string
	 * @param body its body
	 * @param requestId the request id
	 * @param arrivalMillis when it arrived, epoch milliseconds
	 * @return the event
	 */
	public HttpEvent toEvent(HttpServletRequest request, QueryString query, byte[] body, String requestId,
			long arrivalMillis) {
		String method = request.getMethod().toUpperCase(Locale.ROOT);
		Map<String, List<String>> multiValueHeaders = headers(request, requestId);
		Map<String, String> headers = lastValues(multiValueHeaders);
		String userAgent = headers.getOrDefault("User-Agent", "");
		long epochSecond = Math.floorDiv(arrivalMillis, 1000);
		HttpEvent.RequestContext requestContext = new HttpEvent.RequestContext(
				new HttpEvent.Identity(request.getRemoteAddr(), userAgent), method, requestId,
				requestTime(epochSecond), epochSecond);
		boolean json = isJson(request.getContentType());
		String encodedBody = json ? new String(body, StandardCharsets.UTF_8)
				: Base64.getEncoder().encodeToString(body);
		return new HttpEvent(method, headers, multiValueHeaders, query.lastValues(), query.values(), requestContext,
				encodedBody, !json, "", "", Collections.emptyMap(), Collections.emptyMap(), Collections.emptyMap());
	}

	/**
	 * Tells how many body bytes an event can hold, given that every body but a JSON one
	 * grows by a third when it is Base64-encoded.
	 * @param request the request
	 * @param eventLimit the largest event
	 * @return the largest body
	 */
	public static long bodyLimit(HttpServletRequest request, long eventLimit) {
		return isJson(request.getContentType()) ? eventLimit : eventLimit / 4 * 3;
	}

	/**
	 * Tells whether a body goes into the event as text: only {@code application/json} does,
	 * every other body as Base64.
	 * @param contentType the request's {@code Content-Type}, or {@code null}
	 * @return whether it is JSON
	 */
	public static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		int end = contentType.indexOf(';');
		String mediaType = ((end >= 0) ? contentType.substring(0, end) : contentType).trim();
		return mediaType.equalsIgnoreCase("application/json");
	}

	private static Map<String, List<String>> headers(HttpServletRequest request, String requestId) {
		Map<String, List<String>> headers = HeaderNames.of(request, REMOVED_HEADERS);
		String clientIp = request.getRemoteAddr();
		List<String> forwardedFor = headers.get(HeaderNames.FORWARDED_FOR);
		headers.put(HeaderNames.FORWARDED_FOR,
				List.of((forwardedFor != null) ? String.join(", ", forwardedFor) + ", " + clientIp : clientIp));
		headers.put(HeaderNames.REAL_REMOTE_ADDRESS, List.of("[" + clientIp + "]:" + request.getRemotePort()));
		headers.put(HeaderNames.REQUEST_ID, List.of(requestId));
		headers.computeIfAbsent(HeaderNames.TRACE_ID, (name) -> List.of(RequestIds.next()));
		return headers;
	}

	private static Map<String, String> lastValues(Map<String, List<String>> multiValue) {
		Map<String, String> last = new LinkedHashMap<>(multiValue.size() * 2);
		multiValue.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
		return last;
	}

	private String requestTime(long epochSecond) {
		RequestTime cached = this.lastRequestTime;
		if (cached.epochSecond() != epochSecond) {
			cached = new RequestTime(epochSecond, COMMON_LOG_FORMAT.format(Instant.ofEpochSecond(epochSecond)));
			this.lastRequestTime = cached;
		}
		return cached.text();
	}

	private record RequestTime(long epochSecond, String text) {
	}

}
