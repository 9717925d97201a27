package io.functionruntime.http;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer is bounded, whatever the handler returns: a result over
 * {@code max-response-size} (3 670 016 bytes here), in HTTP or raw mode, headers over the
 * server's response header limit (8 KB), and the payload, message and stack trace of an
 * error. {@code large.*} handlers answer as many bytes as they are asked for.
 */
@HttpTest
class BoundedAnswersTests {

	private static final int MAX_RESPONSE_SIZE = 3_670_016;

	private static final String CUT = "…[cut]";

	private static final String TOO_LARGE = "The function response is larger than max-response-size (3670016 bytes)";

	@Autowired
	TestHttp http;

	private static JsonNode proxyIntegrationError(HttpResponse<byte[]> response, String message) {
		JsonNode body = TestHttp.errorBody(response, 502, "ProxyIntegrationError");
		assertThat(body.get("errorMessage").asString()).isEqualTo(message);
		return body;
	}

	private HttpResponse<byte[]> raw(String route, int bytes) {
		return this.http.postJson("/" + route + "?integration=raw", "{\"bytes\": " + bytes + "}");
	}

	@Test
	void headersOverTheServersResponseHeaderLimitAre502() {
		HttpResponse<byte[]> response = this.http.get("/large.header?bytes=9000");
		JsonNode body = proxyIntegrationError(response,
				"The function response headers are larger than the server allows (8192 bytes)");
		assertThat(body.get("payload").asString())
			.isEqualTo(("{\"headers\":{\"X-Big\":\"" + "h".repeat(9000)).substring(0, 4096) + CUT);
	}

	@Test
	void headersWithinTheServersResponseHeaderLimitAreWritten() {
		HttpResponse<byte[]> response = this.http.get("/large.header?bytes=6000");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Big")).hasValue("h".repeat(6000));
	}

	@Test
	void payloadOfAMalformedResultIsItsFirst4096BytesAndAMark() {
		String body = "\\u0001".repeat(500_000);
		HttpResponse<byte[]> response = this.http.postJson("/respond.handler",
				"{\"statusCode\": 99, \"body\": \"" + body + "\"}");
		JsonNode error = proxyIntegrationError(response, "Malformed serverless function response: not a valid json");
		assertThat(error.get("payload").asString())
			.isEqualTo(("{\"statusCode\":99,\"body\":\"" + body).substring(0, 4096) + CUT);
		assertThat(response.body()).hasSizeLessThan(8192);
	}

	@Test
	void resultOfExactlyMaxResponseSizeIsWritten() {
		int bodySize = MAX_RESPONSE_SIZE - "{\"body\":\"\"}".length();
		HttpResponse<byte[]> response = this.http.get("/large.body?bytes=" + bodySize);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).hasSize(bodySize);
	}

	@Test
	void resultOneByteOverMaxResponseSizeIs502() {
		int bodySize = MAX_RESPONSE_SIZE - "{\"body\":\"\"}".length() + 1;
		proxyIntegrationError(this.http.get("/large.body?bytes=" + bodySize), TOO_LARGE);
	}

	@Test
	void resultOf50MegabytesIs502WithACutPayload() {
		HttpResponse<byte[]> response = this.http.get("/large.body?bytes=50000000");
		JsonNode body = proxyIntegrationError(response, TOO_LARGE);
		assertThat(body.get("payload").asString()).isEqualTo("{\"body\":\"" + "b".repeat(4096 - 9) + CUT);
	}

	@Test
	void rawTextOfExactlyMaxResponseSizeIsWritten() {
		HttpResponse<byte[]> response = raw("large.rawText", MAX_RESPONSE_SIZE);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).hasSize(MAX_RESPONSE_SIZE);
	}

	@Test
	void rawTextOf50MegabytesIs502WithACutPayload() {
		JsonNode body = proxyIntegrationError(raw("large.rawText", 50_000_000), TOO_LARGE);
		assertThat(body.get("payload").asString()).isEqualTo("r".repeat(4096) + CUT);
	}

	@Test
	void rawJsonOverMaxResponseSizeIs502WithACutPayload() {
		JsonNode body = proxyIntegrationError(raw("large.rawJson", MAX_RESPONSE_SIZE), TOO_LARGE);
		assertThat(body.get("payload").asString()).isEqualTo("{\"data\":\"" + "j".repeat(4096 - 9) + CUT);
	}

	@Test
	void hugeExceptionMessageIsCutTo16384Characters() {
		HttpResponse<byte[]> response = this.http.get("/large.message?bytes=10000000");
		JsonNode body = TestHttp.errorBody(response, 502, "IllegalStateException");
		assertThat(body.get("errorMessage").asString()).isEqualTo("\"".repeat(16_384) + "…");
		assertThat(response.body()).hasSizeLessThan(65_536);
	}

	@Test
	void deepStackTraceIsCutAfter64FramesWithACount() {
		JsonNode body = TestHttp.errorBody(this.http.get("/fail.error"), 502, "StackOverflowError");
		JsonNode stackTrace = body.get("stackTrace");
		assertThat(stackTrace).hasSize(65);
		assertThat(stackTrace.get(0).asString()).startsWith("io.functionruntime.http.TestFunctions$Failing.recurse(");
		assertThat(stackTrace.get(63).asString()).startsWith("io.functionruntime.http.TestFunctions$Failing.recurse(");
		assertThat(stackTrace.get(64).asString()).matches("\\.\\.\\. [1-9][0-9]* more frames");
	}

}
