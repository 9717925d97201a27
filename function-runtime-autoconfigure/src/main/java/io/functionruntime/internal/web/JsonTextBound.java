package io.functionruntime.internal.web;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * An upper bound of the bytes a JSON tree takes as text, cheap to compute: six bytes for
 * each character of a string or a name (the longest escape, {@code \u0000}), plus quotes
 * and separators, the digits of a big number, and a generous size for every other value. A result whose bound is under
 * the limit needs no writing to be known within it.
 */
final class JsonTextBound {

	private static final int SCALAR = 32;

	private JsonTextBound() {
	}

	static long of(JsonNode node) {
		if (node.isString()) {
			return 6L * node.asString().length() + 2;
		}
		if (node.isObject()) {
			long size = 2;
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				size += 6L * property.getKey().length() + 4 + of(property.getValue());
			}
			return size;
		}
		if (node.isArray()) {
			long size = 2;
			for (JsonNode element : node) {
				size += of(element) + 1;
			}
			return size;
		}
		if (node.isBigInteger() || node.isBigDecimal()) {
			return node.asString().length() + 2L;
		}
		return SCALAR + (node.isBinary() ? 2L * node.binaryValue().length : 0);
	}

}
