package io.functionruntime.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives, the answer is the runtime's JSON error with a request id: never an
 * HTML page, a hang or a half-written response, and nothing of the runtime's internals.
 */
@HttpTest
class BadInputTests {

	@Autowired
	TestHttp http;

	private TestHttp.RawResponse send(String head, String body) throws IOException {
		return this.http.raw(head + "\r\nConnection: close", body.getBytes(StandardCharsets.UTF_8));
	}

	private TestHttp.RawResponse send(String head) throws IOException {
		return send(head, "");
	}

	static JsonNode assertJsonError(TestHttp.RawResponse response, int status, String errorType) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Content-Type")).isEqualTo("application/json");
		assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
		assertThat(response.body()).hasSize(Integer.parseInt(response.header("Content-Length")));
		JsonNode body = response.json();
		assertThat(body.get("errorType").asString()).isEqualTo(errorType);
		assertNoInternals(new String(response.body(), StandardCharsets.UTF_8));
		return body;
	}

	static void assertNoInternals(String body) {
		assertThat(body).doesNotContain("io.functionruntime.registry", "io.functionruntime.web",
				"io.functionruntime.invoke", "TestFunctions", "org.apache", "org.springframework", "Tomcat", ".java",
				"/work/", "<html");
	}

	@Test
	void invalidUtf8InAJsonBodyIsPassedWithReplacementCharactersInHttpMode() throws IOException {
		byte[] body = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		TestHttp.RawResponse response = this.http.raw("POST /echo.event HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + body.length, body);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("event").get("body").asString()).isEqualTo("{\"a\":\"\uFFFD(\"}");
	}

	@Test
	void invalidUtf8InARawJsonBodyIs400() throws IOException {
		byte[] body = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		TestHttp.RawResponse response = this.http.raw("POST /identity.map?integration=raw HTTP/1.1\r\nHost: x\r\n"
				+ "Connection: close\r\nContent-Type: application/json\r\nContent-Length: " + body.length, body);
		assertJsonError(response, 400, "BadRequest");
	}

	@Test
	void deeplyNestedJsonInRawModeIs400NotAStackOverflow() throws IOException {
		String nested = "[".repeat(100_000) + "]".repeat(100_000);
		assertJsonError(send("POST /identity.map?integration=raw HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + nested.length(), nested), 400, "BadRequest");
		String objects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
		assertJsonError(send("POST /identity.pojo?integration=raw HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + objects.length(), objects), 400, "BadRequest");
	}

	@Test
	void deeplyNestedJsonInHttpModeIsJustText() throws IOException {
		String nested = "[".repeat(100_000) + "]".repeat(100_000);
		TestHttp.RawResponse response = send("POST /echo.tree HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + nested.length(), nested);
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void hugeNumberInRawModeIs400() throws IOException {
		String number = "{\"a\": " + "9".repeat(5_000) + "}";
		assertJsonError(send("POST /identity.map?integration=raw HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + number.length(), number), 400, "BadRequest");
	}

	@Test
	void hundredsOfQueryParametersArePassedInFull() throws IOException {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < 600; i++) {
			query.append("p").append(i).append("=").append(i).append('&');
		}
		TestHttp.RawResponse response = send("GET /echo.event?" + query + " HTTP/1.1\r\nHost: x");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("event").get("queryStringParameters").size()).isEqualTo(600);
	}

	@Test
	void requestLineOverTheHeaderLimitIs400() throws IOException {
		String query = "p=1&".repeat(3000);
		assertJsonError(send("GET /echo.event?" + query + " HTTP/1.1\r\nHost: x"), 400, "BadRequest");
	}

	@Test
	void moreThanAHundredHeadersIs400() throws IOException {
		StringBuilder headers = new StringBuilder();
		for (int i = 0; i < 150; i++) {
			headers.append("\r\nX-Header-").append(i).append(": v");
		}
		assertJsonError(send("GET /echo.event HTTP/1.1\r\nHost: x" + headers), 400, "BadRequest");
	}

	@Test
	void headerOverTheSizeLimitIs400() throws IOException {
		assertJsonError(send("GET /echo.event HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(10_000)), 400,
				"BadRequest");
	}

	@Test
	void oddMethodsReachTheHandlerUpperCased() throws IOException {
		for (String method : new String[] { "PURGE", "FOO", "get", "PROPFIND" }) {
			TestHttp.RawResponse response = send(method + " /echo.event HTTP/1.1\r\nHost: x");
			assertThat(response.status()).as(method).isEqualTo(200);
			assertThat(response.json().get("event").get("httpMethod").asString()).isEqualTo(method.toUpperCase());
		}
	}

	@Test
	void traceIsNotAllowed() throws IOException {
		assertJsonError(send("TRACE /echo.event HTTP/1.1\r\nHost: x"), 405, "MethodNotAllowed");
	}

	@Test
	void connectIsRefusedAsAnUnsupportedMethod() throws IOException {
		JsonNode body = assertJsonError(send("CONNECT host:443 HTTP/1.1\r\nHost: host:443"), 501, "MethodNotAllowed");
		assertThat(body.get("errorMessage").asString()).isEqualTo("The method is not supported");
	}

	@Test
	void malformedRequestLineIs400AndUnknownVersionIs505() throws IOException {
		assertJsonError(send("G@T /echo.event HTTP/1.1\r\nHost: x"), 400, "BadRequest");
		assertJsonError(send("GET /echo.event HTTP/9.9\r\nHost: x"), 505, "BadRequest");
	}

	@Test
	void pathsMappedToTheRuntimeThatAreNotOneEntryPointAreUnknownFunctions() throws IOException {
		for (String path : new String[] { "/echo.event/../fail.sync", "/echo.event;x=1", "//echo.event",
				"/echo%2Eevent" }) {
			assertJsonError(send("GET " + path + " HTTP/1.1\r\nHost: x"), 404, "NotFound");
		}
	}

	@Test
	void encodedSlashesAreRefusedByTheContainerAsJson() throws IOException {
		for (String path : new String[] { "/a%2Fb", "/echo.event%2Fx" }) {
			assertJsonError(send("GET " + path + " HTTP/1.1\r\nHost: x"), 400, "BadRequest");
		}
	}

	@Test
	void pathsOutsideTheFunctionRoutesAreTheApplicationsNotFound() {
		for (String path : new String[] { "/echo.event/", "/no.such", "/a/b/c" }) {
			HttpResponse<byte[]> response = this.http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("X-Request-Id")).as(path).isEmpty();
			assertThat(TestHttp.json(response).get("status").asInt()).as(path).isEqualTo(404);
		}
	}

	@Test
	void pathsThatLeaveTheRootOrHoldIllegalBytesAre400() throws IOException {
		for (String path : new String[] { "/../echo.event", "/%2E%2E/echo.event", "/a%00b", "/%zz" }) {
			assertJsonError(send("GET " + path + " HTTP/1.1\r\nHost: x"), 400, "BadRequest");
		}
	}

	@Test
	void bodyLargerThanDeclaredLimitWithoutContentLengthIsNeverBuffered() throws IOException {
		TestHttp.RawResponse response = send("POST /echo.event HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999");
		assertJsonError(response, 413, "RequestTooLarge");
	}

	@Test
	void chunkedFormPutOverTheEventLimitIs413() throws IOException {
		String chunk = "a=" + "b".repeat(1024 * 1024 - 3) + "&";
		String chunked = (Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").repeat(4) + "0\r\n\r\n";
		TestHttp.RawResponse response = this.http.raw("PUT /echo.event HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked",
				chunked.getBytes(StandardCharsets.US_ASCII));
		assertJsonError(response, 413, "RequestTooLarge");
	}

}
