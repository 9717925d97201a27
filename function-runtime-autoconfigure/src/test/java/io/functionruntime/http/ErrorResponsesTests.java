package io.functionruntime.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer of SPEC §7: JSON, with the request id, never a page or a hang.
 */
@HttpTest
class ErrorResponsesTests {

	@Autowired
	TestHttp http;

	private static JsonNode assertError(HttpResponse<byte[]> response, int status, String errorType) {
		return TestHttp.errorBody(response, status, errorType);
	}

	@Test
	void handlerExceptionIs502WithMessageTypeAndStackTrace() {
		HttpResponse<byte[]> response = this.http.get("/fail.sync?message=it%20broke");
		JsonNode body = assertError(response, 502, "IllegalStateException");
		assertThat(response.headers().firstValue("X-Function-Error")).hasValue("true");
		assertThat(body.get("errorMessage").asString()).isEqualTo("it broke");
		assertThat(body.get("stackTrace").isArray()).isTrue();
		assertThat(body.get("stackTrace").get(0).asString())
			.startsWith("io.functionruntime.http.TestFunctions$Failing.sync(TestFunctions.java:");
	}

	@Test
	void stackTraceStopsAtTheHandlerWithoutRuntimeFrames() {
		JsonNode body = TestHttp.json(this.http.get("/fail.sync"));
		assertThat(body.get("stackTrace").valueStream().map(JsonNode::asString))
			.noneMatch((frame) -> frame.startsWith("io.functionruntime.registry")
					|| frame.startsWith("io.functionruntime.invoke") || frame.startsWith("java.util.concurrent"));
	}

	@Test
	void checkedExceptionKeepsItsOwnType() {
		JsonNode body = assertError(this.http.get("/fail.checked"), 502, "IOException");
		assertThat(body.get("errorMessage").asString()).isEqualTo("disk gone");
	}

	@Test
	void asyncFailureIsUnwrappedTo502() {
		HttpResponse<byte[]> response = this.http.get("/fail.async");
		JsonNode body = assertError(response, 502, "IllegalArgumentException");
		assertThat(response.headers().firstValue("X-Function-Error")).hasValue("true");
		assertThat(body.get("errorMessage").asString()).isEqualTo("async failure");
	}

	@Test
	void errorIsMappedToo() {
		HttpResponse<byte[]> response = this.http.get("/fail.error");
		assertError(response, 502, "StackOverflowError");
		assertThat(response.headers().firstValue("X-Function-Error")).hasValue("true");
		assertThat(this.http.get("/echo.event").statusCode()).isEqualTo(200);
	}

	@Test
	void deadlineIs504AtOnce() {
		long start = System.nanoTime();
		// The handler blocks until interrupted, so only the deadline can answer the call
		HttpResponse<byte[]> response = this.http.get("/fail.slow");
		long millis = (System.nanoTime() - start) / 1_000_000;
		JsonNode body = assertError(response, 504, "TimeoutError");
		assertThat(response.headers().firstValue("X-Function-Error")).hasValue("true");
		assertThat(body.get("errorMessage").asString()).isEqualTo("Function timed out after 500 ms");
		assertThat(millis).as("not before the deadline").isGreaterThanOrEqualTo(450L);
	}

	@Test
	void callPausedPastItsTimeoutIs504() {
		assertError(this.http.get("/debug.pause?ms=600"), 504, "TimeoutError");
	}

	@Test
	void asyncHandlerThatNeverCompletesIs504() {
		assertError(this.http.get("/fail.never"), 504, "TimeoutError");
	}

	@Test
	void pathOfNoFunctionIsLeftToTheApplicationsErrorHandling() {
		for (String method : new String[] { "GET", "DELETE" }) {
			HttpResponse<byte[]> response = this.http.send(method, "/no.such", null, null);
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.headers().firstValue("X-Request-Id")).isEmpty();
			assertThat(TestHttp.json(response).get("error").asString()).isEqualTo("Not Found");
		}
	}

	@Test
	void routeThatDecodesToAFunctionButIsNotItsEntryPointIs404() {
		JsonNode body = assertError(this.http.get("/echo.event;v=1"), 404, "NotFound");
		assertThat(body.get("errorMessage").asString()).contains("echo.event;v=1");
	}

	@Test
	void applicationControllersKeepTheirPathsBesideTheFunctions() {
		HttpResponse<byte[]> response = this.http.get("/users/hello");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("hello from a controller");
		HttpResponse<byte[]> unknown = this.http.get("/users");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(TestHttp.json(unknown).get("path").asString()).isEqualTo("/users");
		assertThat(this.http.get("/echo.event").statusCode()).isEqualTo(200);
	}

	@Test
	void defaultFunctionServesTheRoot() {
		HttpResponse<byte[]> response = this.http.get("/?param=one");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Function-Id")).hasValue("d4etestfunction00001");
	}

	@Test
	void functionIdIsARoute() {
		HttpResponse<byte[]> response = this.http.get("/d4etestfunction00001");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.json(response).get("context").get("function_name").asString())
			.isEqualTo("d4etestfunction00001");
	}

	@Test
	void malformedPercentEncodingIs400() throws IOException {
		TestHttp.RawResponse response = this.http.raw("GET /echo.event?a=%zz HTTP/1.1\r\nHost: x", new byte[0]);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualTo("application/json");
		assertThat(response.header("X-Request-Id")).isNotNull();
		assertThat(response.json().get("errorType").asString()).isEqualTo("BadRequest");
		assertThat(response.json().get("errorMessage").asString()).contains("percent-encoding");
	}

	@Test
	void declaredBodyOverTheLimitIs413WithoutReadingIt() throws IOException {
		long tooLarge = 3_670_016L + 1;
		TestHttp.RawResponse response = this.http.raw("POST /echo.event?integration=raw HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + tooLarge, "{\"a\":".getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).isEqualTo("application/json");
		assertThat(response.header("X-Request-Id")).isNotNull();
		assertThat(response.json().get("errorType").asString()).isEqualTo("RequestTooLarge");
	}

	@Test
	void chunkedBodyOverTheLimitIs413() throws IOException {
		byte[] chunk = new byte[1024 * 1024];
		Arrays.fill(chunk, (byte) 'a');
		byte[] head = ("100000\r\n").getBytes(StandardCharsets.US_ASCII);
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < 4; i++) {
			body.write(head);
			body.write(chunk);
			body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		TestHttp.RawResponse response = this.http.raw(
				"POST /echo.event HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
				body.toByteArray());
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("errorType").asString()).isEqualTo("RequestTooLarge");
	}

	@Test
	void binaryBodyIsLimitedAfterBase64() {
		byte[] body = new byte[2_800_000];
		HttpResponse<byte[]> response = this.http.send("POST", "/echo.event", "application/octet-stream", body);
		assertError(response, 413, "RequestTooLarge");
	}

	@Test
	void jsonBodyJustUnderTheLimitIsAccepted() {
		byte[] body = new byte[3_000_000];
		Arrays.fill(body, (byte) ' ');
		body[0] = '[';
		body[body.length - 1] = ']';
		HttpResponse<byte[]> response = this.http.send("POST", "/identity.string?integration=raw", "application/json",
				body);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).hasSize(3_000_000);
	}

}
