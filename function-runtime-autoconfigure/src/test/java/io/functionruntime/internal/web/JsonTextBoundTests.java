package io.functionruntime.internal.web;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound is never below the bytes a tree really takes as JSON text, whatever it holds:
 * characters that escape to six bytes, big numbers, nesting.
 */
class JsonTextBoundTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void boundIsAtLeastTheWrittenSizeOfEveryKindOfValue() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("statusCode", 200);
		value.put("headers", Map.of("Content-Type", "application/json", "X-\u0001", "\u0000\u001f\"\\"));
		value.put("body", "\u0001".repeat(1000) + "привет" + "😀");
		value.put("big", new BigInteger("9".repeat(5000)));
		value.put("list", List.of(1, 2.5, true, List.of(Map.of())));
		value.put("nothing", null);
		value.put("bytes", new byte[300]);
		JsonNode tree = JSON.valueToTree(value);
		assertThat(JsonTextBound.of(tree)).isGreaterThanOrEqualTo(JSON.writeValueAsBytes(tree).length);
	}

	@Test
	void boundOfAPlainResponseStaysClose() {
		JsonNode tree = JSON.valueToTree(Map.of("statusCode", 200, "body", "x".repeat(1500)));
		assertThat(JsonTextBound.of(tree)).isLessThan(10_000);
	}

}
