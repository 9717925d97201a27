package io.functionruntime.http;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code HttpEvent.bodyBytes()}/{@code bodyText()} give the body as sent whatever its
 * encoding in the event, and {@code HttpResponse.binary}/{@code json} answer bytes and
 * JSON without the handler encoding anything.
 */
@HttpTest
class EventAndResponseHelpersTests {

	@Autowired
	TestHttp http;

	@Test
	void binaryBodyRoundTripsThroughBodyBytesAndABinaryResponse() {
		byte[] bytes = new byte[4096];
		new Random(7).nextBytes(bytes);
		HttpResponse<byte[]> response = this.http.send("POST", "/helpers.binary", "application/octet-stream", bytes);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
		assertThat(response.body()).isEqualTo(bytes);
	}

	@Test
	void jsonBodyTextIsReadAsSentAndAnsweredAsJson() {
		HttpResponse<byte[]> response = this.http.postJson("/helpers.json", "hello");
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(TestHttp.json(response).get("text").asString()).isEqualTo("hello");
	}

	@Test
	void textBodySentAsBase64IsDecodedByBodyText() {
		HttpResponse<byte[]> response = this.http.send("POST", "/helpers.json", "text/plain; charset=utf-8",
				"привет".getBytes(StandardCharsets.UTF_8));
		assertThat(TestHttp.json(response).get("text").asString()).isEqualTo("привет");
	}

}
