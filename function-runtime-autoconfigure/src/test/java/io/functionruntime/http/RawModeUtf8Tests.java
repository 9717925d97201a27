package io.functionruntime.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw mode takes text only as valid UTF-8: a body with an invalid sequence is a 400 for
 * every handler that takes text (a map, a tree, a POJO or a {@code String}), where the JSON
 * parser alone would read an overlong {@code C0 AF} as {@code /}. A {@code byte[]} handler
 * gets any bytes.
 */
@HttpTest
class RawModeUtf8Tests {

	/** The body's text before the invalid sequence: {@code {"hello":"x}, 11 bytes. */
	private static final String BEFORE = "{\"hello\":\"x";

	@Autowired
	TestHttp http;

	static Stream<Arguments> invalidSequences() {
		return Stream.of(Arguments.of("overlong slash", bytes(0xC0, 0xAF)),
				Arguments.of("overlong three-byte slash", bytes(0xE0, 0x80, 0xAF)),
				Arguments.of("overlong four-byte", bytes(0xF0, 0x80, 0x80, 0xAF)),
				Arguments.of("high surrogate", bytes(0xED, 0xA0, 0x80)),
				Arguments.of("low surrogate", bytes(0xED, 0xBF, 0xBF)),
				Arguments.of("truncated three-byte sequence", bytes(0xE2, 0x82)),
				Arguments.of("lone continuation byte", bytes(0x80)),
				Arguments.of("C0", bytes(0xC0)), Arguments.of("C1", bytes(0xC1, 0x81)),
				Arguments.of("F5", bytes(0xF5, 0x80, 0x80, 0x80)), Arguments.of("FE", bytes(0xFE)),
				Arguments.of("FF", bytes(0xFF)),
				Arguments.of("above U+10FFFF", bytes(0xF4, 0x90, 0x80, 0x80)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSequences")
	void invalidUtf8ForAMapHandlerIs400(String name, byte[] sequence) {
		assertBadUtf8(send("/identity.map", sequence));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSequences")
	void invalidUtf8ForATreeHandlerIs400(String name, byte[] sequence) {
		assertBadUtf8(send("/identity.tree", sequence));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSequences")
	void invalidUtf8ForAPojoHandlerIs400(String name, byte[] sequence) {
		assertBadUtf8(send("/identity.pojo", sequence));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSequences")
	void invalidUtf8ForAStringHandlerIs400(String name, byte[] sequence) {
		assertBadUtf8(send("/identity.string", sequence));
	}

	@Test
	void sequenceTruncatedAtTheEndOfTheBodyIs400() {
		byte[] body = concat(BEFORE.getBytes(StandardCharsets.US_ASCII), bytes(0xF0, 0x9F, 0x98));
		assertBadUtf8(this.http.send("POST", "/identity.string?integration=raw", "text/plain", body));
	}

	@Test
	void overlongSlashReachesAByteHandlerUnchanged() {
		byte[] body = body(bytes(0xC0, 0xAF));
		HttpResponse<byte[]> response = this.http.send("POST", "/identity.bytes?integration=raw",
				"application/octet-stream", body);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(body);
	}

	@Test
	void validMultiByteUtf8IsParsed() {
		HttpResponse<byte[]> response = this.http.send("POST", "/identity.map?integration=raw", "application/json",
				"{\"hello\":\"é ж € 😀\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("{\"hello\":\"é ж € 😀\"}");
	}

	private HttpResponse<byte[]> send(String path, byte[] sequence) {
		return this.http.send("POST", path + "?integration=raw", "application/json", body(sequence));
	}

	private static void assertBadUtf8(HttpResponse<byte[]> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(TestHttp.json(response).get("errorType").asString()).isEqualTo("BadRequest");
		assertThat(TestHttp.json(response).get("errorMessage").asString())
			.isEqualTo("The request body is not valid UTF-8: invalid byte sequence at offset 11");
	}

	/** {@code {"hello":"x<sequence>y"}} */
	private static byte[] body(byte[] sequence) {
		return concat(BEFORE.getBytes(StandardCharsets.US_ASCII), sequence,
				"y\"}".getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
