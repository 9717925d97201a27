package io.functionruntime.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A handler result read as an HTTP response, checked against every rule of SPEC §6: a
 * JSON object, an integer status from 200 to 599 (a 1xx status cannot end a response), string headers, a string body, valid
 * Base64, no forbidden header. Its size is the {@link ResponseWriter}'s to check, on the
 * result's JSON text. Header names come out canonical; dropped headers are gone and
 * remapped ones renamed. {@code X-Function-Error} is dropped like
 * {@code X-Request-Id}: it is the runtime's word that the handler failed, so a handler
 * that answers cannot claim or fake it.
 *
 * @param status the status
 * @param headers each header with its values, {@code multiValueHeaders} winning
 * @param body the body, decoded
 */
record ProxyResponse(int status, Map<String, List<String>> headers, byte[] body) {

	private static final Set<String> DROPPED = Set.of("Host", "Authorization", "User-Agent", "Connection",
			"Max-Forwards", "Cookie", HeaderNames.REQUEST_ID, HeaderNames.FUNCTION_ID,
			HeaderNames.FUNCTION_VERSION_ID, "X-Content-Type-Options", "Content-Length", HeaderNames.FUNCTION_ERROR);

	private static final Set<String> REMAPPED = Set.of("Content-Md5", "Date", "Server", "Www-Authenticate");

	private static final Set<String> FORBIDDEN = Set.of("Proxy-Authenticate", "Transfer-Encoding", "Via");

	static ProxyResponse read(JsonNode result) {
		if (result == null || !result.isObject()) {
			throw new MalformedResponseException("the result is not a JSON object");
		}
		int status = status(result.get("statusCode"));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		JsonNode single = result.get("headers");
		if (present(single)) {
			requireObject(single, "headers");
			for (Map.Entry<String, JsonNode> header : single.properties()) {
				JsonNode value = header.getValue();
				if (!value.isString() && !value.isNull()) {
					throw new MalformedResponseException("header '" + header.getKey() + "' is not a string");
				}
				put(headers, header.getKey(), List.of(value.isNull() ? "" : value.stringValue()));
			}
		}
		JsonNode multi = result.get("multiValueHeaders");
		if (present(multi)) {
			requireObject(multi, "multiValueHeaders");
			for (Map.Entry<String, JsonNode> header : multi.properties()) {
				put(headers, header.getKey(), stringList(header.getKey(), header.getValue()));
			}
		}
		return new ProxyResponse(status, headers, body(result));
	}

	private static boolean present(JsonNode node) {
		return node != null && !node.isNull();
	}

	private static void requireObject(JsonNode node, String field) {
		if (!node.isObject()) {
			throw new MalformedResponseException("'" + field + "' is not an object");
		}
	}

	private static int status(JsonNode node) {
		if (!present(node)) {
			return 200;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 100 || node.intValue() > 599) {
			throw new MalformedResponseException("'statusCode' is not an integer from 100 to 599");
		}
		if (node.intValue() < 200) {
			throw new MalformedResponseException("'statusCode' " + node.intValue()
					+ " is informational and cannot end a response; the client would wait forever");
		}
		return node.intValue();
	}

	private static List<String> stringList(String name, JsonNode values) {
		if (!values.isArray()) {
			throw new MalformedResponseException("multi-value header '" + name + "' is not a list");
		}
		List<String> list = new ArrayList<>(values.size());
		for (JsonNode value : values) {
			if (!value.isString()) {
				throw new MalformedResponseException("multi-value header '" + name + "' has a value that is not a string");
			}
			list.add(value.stringValue());
		}
		return list;
	}

	private static void put(Map<String, List<String>> headers, String rawName, List<String> values) {
		for (int i = 0; i < rawName.length(); i++) {
			if (!HeaderNames.isTokenChar(rawName.charAt(i))) {
				throw new MalformedResponseException("'" + rawName + "' is not a valid header name");
			}
		}
		if (rawName.isEmpty()) {
			throw new MalformedResponseException("a header has an empty name");
		}
		String name = HeaderNames.canonical(rawName);
		if (FORBIDDEN.contains(name)) {
			throw new MalformedResponseException("header '" + name + "' may not be set by a function");
		}
		for (String value : values) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '\r' || c == '\n' || c == 0) {
					throw new MalformedResponseException("header '" + name + "' has a line break or NUL in its value");
				}
			}
		}
		if (DROPPED.contains(name)) {
			return;
		}
		headers.put(REMAPPED.contains(name) ? HeaderNames.REMAPPED_PREFIX + name : name, values);
	}

	private static byte[] body(JsonNode result) {
		JsonNode body = result.get("body");
		String text = "";
		if (present(body)) {
			if (!body.isString()) {
				throw new MalformedResponseException("'body' is not a string");
			}
			text = body.stringValue();
		}
		JsonNode base64 = result.get("isBase64Encoded");
		boolean encoded = false;
		if (present(base64)) {
			if (!base64.isBoolean()) {
				throw new MalformedResponseException("'isBase64Encoded' is not a boolean");
			}
			encoded = base64.booleanValue();
		}
		if (!encoded) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedResponseException("'body' is not valid Base64: " + ex.getMessage().toLowerCase(Locale.ROOT));
		}
	}

}
