package io.functionruntime.internal.servlet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the cloud's proxy event a servlet request is made of, read leniently from
 * the event as a map, as the cloud's own events leave out or empty what they do not use
 * (such as {@code "requestContext": {}}).
 *
 * @param httpMethod the method, or {@code null}
 * @param headers name → values
 * @param query name → values, or empty when the event has none
 * @param body the body as the event carries it, or {@code null}
 * @param base64Encoded whether {@code body} is Base64
 * @param url the {@code url}, else the {@code path}, or {@code null}
 * @param sourceIp the client's address, or {@code null}
 */
record ProxyEvent(String httpMethod, Map<String, List<String>> headers, Map<String, List<String>> query, String body,
		boolean base64Encoded, String url, String sourceIp) {

	static ProxyEvent of(Map<String, Object> event) {
		String url = text(event.get("url"));
		return new ProxyEvent(text(event.get("httpMethod")),
				multi(event.get("multiValueHeaders"), event.get("headers")),
				multi(event.get("multiValueQueryStringParameters"), event.get("queryStringParameters")),
				text(event.get("body")), Boolean.TRUE.equals(event.get("isBase64Encoded")),
				(url != null && !url.isEmpty()) ? url : text(event.get("path")), sourceIp(event.get("requestContext")));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/** Reads the multi-value map when it has entries, else the single-value one. */
	private static Map<String, List<String>> multi(Object multiValue, Object singleValue) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (multiValue instanceof Map<?, ?> map && !map.isEmpty()) {
			map.forEach((name, list) -> {
				List<String> texts = new ArrayList<>();
				if (list instanceof List<?> items) {
					items.forEach((item) -> texts.add(text(item)));
				}
				else if (list != null) {
					texts.add(text(list));
				}
				values.put(text(name), texts);
			});
		}
		else if (singleValue instanceof Map<?, ?> map) {
			map.forEach((name, value) -> values.put(text(name), List.of(String.valueOf(value))));
		}
		return values;
	}

	private static String sourceIp(Object requestContext) {
		if (requestContext instanceof Map<?, ?> context && context.get("identity") instanceof Map<?, ?> identity) {
			return text(identity.get("sourceIp"));
		}
		return null;
	}

}
