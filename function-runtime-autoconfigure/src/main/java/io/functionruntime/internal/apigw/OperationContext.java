package io.functionruntime.internal.apigw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The integration's {@code context} as the function gets it: every {@code {name}} in a
 * string value replaced by the value of the declared parameter of that name. A placeholder
 * that names no parameter with a value is left as written.
 */
final class OperationContext {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)\\}");

	private OperationContext() {
	}

	static Object substitute(Object value, Map<String, String> params) {
		if (value instanceof String text) {
			Matcher matcher = PLACEHOLDER.matcher(text);
			StringBuilder result = new StringBuilder();
			while (matcher.find()) {
				String replacement = params.get(matcher.group(1));
				matcher.appendReplacement(result,
						Matcher.quoteReplacement((replacement != null) ? replacement : matcher.group()));
			}
			return matcher.appendTail(result).toString();
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> result = new LinkedHashMap<>();
			map.forEach((key, item) -> result.put(key, substitute(item, params)));
			return result;
		}
		if (value instanceof List<?> list) {
			List<Object> result = new ArrayList<>(list.size());
			list.forEach((item) -> result.add(substitute(item, params)));
			return result;
		}
		return value;
	}

}
