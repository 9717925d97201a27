package io.functionruntime.http;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw mode, {@code ?integration=raw} (SPEC §4): the handler gets the body itself and its
 * result is the response.
 */
@HttpTest
class RawModeTests {

	@Autowired
	TestHttp http;

	@Test
	void jsonBodyIsParsedForAMapHandlerAndItsResultWrittenAsJson() {
		HttpResponse<byte[]> response = this.http.postJson("/identity.map?integration=raw",
				"{\"statusCode\": 404, \"b\": [1, 2]}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(TestHttp.text(response)).isEqualTo("{\"statusCode\":404,\"b\":[1,2]}");
	}

	@Test
	void bodyIsParsedAsJsonWhateverItsContentType() {
		HttpResponse<byte[]> response = this.http.send("POST", "/identity.map?integration=raw", "text/plain",
				"{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("{\"a\":1}");
	}

	@Test
	void malformedJsonForAMapHandlerIs400AndTheHandlerIsNotCalled() {
		HttpResponse<byte[]> response = this.http.postJson("/identity.map?integration=raw", "{broken");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(TestHttp.json(response).get("errorType").asString()).isEqualTo("BadRequest");
		assertThat(TestHttp.json(response).get("errorMessage").asString()).startsWith("The request body is not valid JSON");
	}

	@Test
	void stringHandlerGetsTheTextAndItsResultIsWrittenAsText() {
		HttpResponse<byte[]> response = this.http.send("POST", "/identity.string?integration=raw", "text/plain",
				"not json at all: привет".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
		assertThat(TestHttp.text(response)).isEqualTo("not json at all: привет");
	}

	@Test
	void bytesHandlerGetsTheBytesAndItsResultIsWrittenAsBytes() {
		byte[] body = { 0, 1, (byte) 0xFF, (byte) 0x80, 10 };
		HttpResponse<byte[]> response = this.http.send("POST", "/identity.bytes?integration=raw",
				"application/octet-stream", body);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		assertThat(response.body()).isEqualTo(body);
	}

	@Test
	void pojoHandlerGetsTheBodyBound() {
		HttpResponse<byte[]> response = this.http.postJson("/identity.pojo?integration=raw", "{\"hello\":\"world\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("{\"hello\":\"world!\"}");
	}

	@Test
	void voidHandlerAnswersJsonNull() {
		HttpResponse<byte[]> response = this.http.postJson("/identity.nothing?integration=raw", "{}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("null");
	}

	@Test
	void errorsAreStillMappedInRawMode() {
		HttpResponse<byte[]> response = this.http.postJson("/fail.async?integration=raw", "{}");
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("X-Function-Error")).hasValue("true");
		assertThat(TestHttp.json(response).get("errorMessage").asString()).isEqualTo("async failure");
	}

	@Test
	void integrationOtherThanRawIsHttpMode() {
		HttpResponse<byte[]> response = this.http.postJson("/identity.string?integration=http", "\"x\"");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).as("the event's body field, taken as the response's").isEqualTo("\"x\"");
	}

}
