package io.functionruntime.internal.web;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The names of the headers the runtime sets itself, and header names in the canonical
 * form of Go's {@code CanonicalHeaderKey}, which the cloud's router uses: the first letter
 * and every letter after a hyphen upper case, the rest lower case
 * ({@code x-real-remote-address} → {@code X-Real-Remote-Address}). A name with a character
 * that is not allowed in a header name is left as it is.
 */
public final class HeaderNames {

	/** The call's request id, on every answer and in the event. */
	public static final String REQUEST_ID = "X-Request-Id";

	/** The call's trace id, in the event: the client's, or a new one. */
	public static final String TRACE_ID = "X-Trace-Id";

	/** The client's address and port, in the event. */
	public static final String REAL_REMOTE_ADDRESS = "X-Real-Remote-Address";

	/** The addresses the call came through, in the event. */
	public static final String FORWARDED_FOR = "X-Forwarded-For";

	/** The function's id, on every answer of a function. */
	static final String FUNCTION_ID = "X-Function-Id";

	/** The function's version id, on every answer of a function. */
	static final String FUNCTION_VERSION_ID = "X-Function-Version-Id";

	/** Marks an answer as the function's failure or timeout. */
	static final String FUNCTION_ERROR = "X-Function-Error";

	/** What a handler's header that the router keeps for itself is renamed with. */
	static final String REMAPPED_PREFIX = "X-Yf-Remapped-";

	private HeaderNames() {
	}

	/**
	 * Reads a request's headers as the router passes them on: names in canonical form, each
	 * with all its values in order, the left-out names dropped.
	 * @param request the request
	 * @param leftOut canonical names not passed on
	 * @return each header with its values, in the order of arrival
	 */
	public static Map<String, List<String>> of(HttpServletRequest request, Set<String> leftOut) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		Enumeration<String> names = request.getHeaderNames();
		while (names.hasMoreElements()) {
			String name = canonical(names.nextElement());
			if (leftOut.contains(name) || headers.containsKey(name)) {
				continue;
			}
			List<String> values = new ArrayList<>(1);
			Enumeration<String> all = request.getHeaders(name);
			while (all.hasMoreElements()) {
				values.add(all.nextElement());
			}
			headers.put(name, values);
		}
		return headers;
	}

	/**
	 * Writes a header name in the router's canonical form.
	 * @param name a header name as received
	 * @return the canonical name
	 */
	public static String canonical(String name) {
		boolean upper = true;
		boolean canonical = true;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!isTokenChar(c)) {
				return name;
			}
			if ((upper && c >= 'a' && c <= 'z') || (!upper && c >= 'A' && c <= 'Z')) {
				canonical = false;
			}
			upper = c == '-';
		}
		return canonical ? name : rewrite(name);
	}

	private static String rewrite(String name) {
		char[] chars = name.toCharArray();
		boolean upper = true;
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (upper && c >= 'a' && c <= 'z') {
				chars[i] = (char) (c - ('a' - 'A'));
			}
			else if (!upper && c >= 'A' && c <= 'Z') {
				chars[i] = (char) (c + ('a' - 'A'));
			}
			upper = c == '-';
		}
		return new String(chars);
	}

	/** Whether a character may stand in a header name (an RFC 9110 token). */
	static boolean isTokenChar(char c) {
		if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return true;
		}
		return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}

}
