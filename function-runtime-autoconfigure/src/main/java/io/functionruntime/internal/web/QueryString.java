package io.functionruntime.internal.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string of a request, percent-decoded ({@code +} as a space, as Go's router
 * decodes it), parsed once. The {@code integration} parameter picks raw mode, or an
 * asynchronous call whose event is raw too, and is not passed to the handler.
 *
 * @param values each parameter with all its values, in order
 * @param raw whether the body is the event as it is: {@code integration=raw} or
 * {@code integration=async}
 * @param async whether {@code integration=async} was given
 */
public record QueryString(Map<String, List<String>> values, boolean raw, boolean async) {

	private static final String INTEGRATION = "integration";

	private static final QueryString EMPTY = new QueryString(Collections.emptyMap(), false, false);

	/**
	 * Parses a query string.
	 * @param query the raw query, or {@code null}
	 * @return the parameters
	 * @throws RequestRejectedException for malformed percent-encoding
	 */
	public static QueryString parse(String query) {
		return parse(query, true);
	}

	/**
	 * Parses a query string in which {@code integration} is a parameter like any other, as
	 * the API Gateway passes it.
	 * @param query the raw query, or {@code null}
	 * @return the parameters, never raw mode
	 * @throws RequestRejectedException for malformed percent-encoding
	 */
	public static QueryString parseAll(String query) {
		return parse(query, false);
	}

	private static QueryString parse(String query, boolean integrationPicksMode) {
		if (query == null || query.isEmpty()) {
			return EMPTY;
		}
		Map<String, List<String>> values = new LinkedHashMap<>();
		String integration = null;
		int start = 0;
		while (start <= query.length()) {
			int end = query.indexOf('&', start);
			if (end < 0) {
				end = query.length();
			}
			if (end > start) {
				int equals = query.indexOf('=', start);
				boolean hasValue = equals >= 0 && equals < end;
				String name = decode(query, start, hasValue ? equals : end);
				String value = hasValue ? decode(query, equals + 1, end) : "";
				if (integrationPicksMode && INTEGRATION.equals(name)) {
					integration = value;
				}
				else {
					values.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(value);
				}
			}
			start = end + 1;
		}
		boolean async = "async".equals(integration);
		return new QueryString(values, async || "raw".equals(integration), async);
	}

	private static String decode(String text, int from, int to) {
		String part = text.substring(from, to);
		try {
			return URLDecoder.decode(part, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw RequestRejectedException
				.badRequest("Malformed percent-encoding in the query string: '" + part + "'");
		}
	}

	/**
	 * Returns the last value of each parameter.
	 * @return parameter to its last value
	 */
	public Map<String, String> lastValues() {
		Map<String, String> last = new LinkedHashMap<>(this.values.size() * 2);
		this.values.forEach((name, all) -> last.put(name, all.get(all.size() - 1)));
		return last;
	}

}
