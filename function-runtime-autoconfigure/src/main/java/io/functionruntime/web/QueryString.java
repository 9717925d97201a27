package io.functionruntime.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string of a request, percent-decoded ({@code +} as a space, as Go's router
 * decodes it), parsed once. The {@code integration} parameter picks raw mode and is not
 * passed to the handler.
 *
 * @param values each parameter with all its values, in order
 * @param raw whether {@code integration=raw} was given
 */
public record QueryString(Map<String, List<String>> values, boolean raw) {

	private static final String INTEGRATION = "integration";

	private static final QueryString EMPTY = new QueryString(Collections.emptyMap(), false);

	/**
	 * Parses a query string.
	 * @param query the raw query, or {@code null}
	 * @return the parameters
	 * @throws RequestRejectedException for malformed percent-encoding
	 */
	public static QueryString parse(String query) {
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
				if (INTEGRATION.equals(name)) {
					integration = value;
				}
				else {
					values.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(value);
				}
			}
			start = end + 1;
		}
		return new QueryString(values, "raw".equals(integration));
	}

	private static String decode(String text, int from, int to) {
		boolean plain = true;
		for (int i = from; i < to && plain; i++) {
			char c = text.charAt(i);
			plain = c != '%' && c != '+';
		}
		if (plain) {
			return text.substring(from, to);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c == '+') {
				bytes.write(' ');
			}
			else if (c == '%') {
				if (i + 2 >= to) {
					throw malformed(text, from, to);
				}
				int high = Character.digit(text.charAt(i + 1), 16);
				int low = Character.digit(text.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw malformed(text, from, to);
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else if (c < 0x80) {
				bytes.write(c);
			}
			else {
				int end = Character.isHighSurrogate(c) && i + 1 < to ? i + 2 : i + 1;
				byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
				i = end - 1;
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static RequestRejectedException malformed(String text, int from, int to) {
		return RequestRejectedException
			.badRequest("Malformed percent-encoding in the query string: '" + text.substring(from, to) + "'");
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
