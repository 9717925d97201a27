package io.functionruntime.http;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a handler's result becomes the HTTP response (SPEC §6). {@code respond.handler}
 * returns the JSON it is sent, so each test sends the result it wants written.
 */
@HttpTest
class ResponseRulesTests {

	@Autowired
	TestHttp http;

	private HttpResponse<byte[]> respond(String result) {
		return this.http.postJson("/respond.handler", result);
	}

	private void assertMalformed(String result, String payload) {
		HttpResponse<byte[]> response = respond(result);
		assertThat(response.statusCode()).as(result).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		JsonNode body = TestHttp.json(response);
		assertThat(body.get("errorMessage").asString())
			.isEqualTo("Malformed serverless function response: not a valid json");
		assertThat(body.get("errorType").asString()).isEqualTo("ProxyIntegrationError");
		assertThat(body.get("payload").asString()).as(result).isEqualTo(payload);
	}

	@Test
	void emptyObjectIs200WithEmptyBody() {
		HttpResponse<byte[]> response = respond("{}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(response.headers().firstValue("Content-Length")).hasValue("0");
	}

	@Test
	void statusHeadersAndBodyAreWritten() {
		HttpResponse<byte[]> response = respond(
				"{\"statusCode\": 201, \"headers\": {\"content-type\": \"text/plain\", \"x-a\": \"1\"}, \"body\": \"créé\"}");
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
		assertThat(response.headers().firstValue("X-A")).hasValue("1");
		assertThat(TestHttp.text(response)).isEqualTo("créé");
	}

	@Test
	void typedResponseRecordIsWritten() {
		HttpResponse<byte[]> response = this.http.get("/typed.handler?x=1");
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
		assertThat(TestHttp.text(response)).isEqualTo("GET {x=1}");
	}

	@Test
	void multiValueHeadersAreAllWrittenAndWinOverHeaders() throws Exception {
		String result = "{\"headers\": {\"X-Both\": \"single\", \"X-Single\": \"s\"},"
				+ " \"multiValueHeaders\": {\"x-both\": [\"m1\", \"m2\"], \"Set-Cookie\": [\"a=1\", \"b=2\"]}}";
		TestHttp.RawResponse response = this.http.raw("POST /respond.handler HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + result.getBytes(StandardCharsets.UTF_8).length,
				result.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().get("x-both")).containsExactly("m1", "m2");
		assertThat(response.headers().get("x-single")).containsExactly("s");
		assertThat(response.headers().get("set-cookie")).containsExactly("a=1", "b=2");
	}

	@Test
	void base64BodyIsDecoded() {
		byte[] bytes = { 1, 2, 3, (byte) 0xFE };
		HttpResponse<byte[]> response = respond("{\"body\": \"" + Base64.getEncoder().encodeToString(bytes)
				+ "\", \"isBase64Encoded\": true, \"headers\": {\"Content-Type\": \"image/x-test\"}}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(bytes);
	}

	@Test
	void droppedHeadersAreNotWritten() {
		HttpResponse<byte[]> response = respond("{\"headers\": {\"Host\": \"h\", \"Authorization\": \"a\","
				+ " \"User-Agent\": \"u\", \"Max-Forwards\": \"1\", \"Cookie\": \"c\", \"X-Request-Id\": \"mine\","
				+ " \"X-Function-Id\": \"f\", \"X-Function-Version-Id\": \"v\", \"X-Content-Type-Options\": \"nosniff\","
				+ " \"X-Kept\": \"k\"}}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().map().keySet()).doesNotContain("host", "authorization", "user-agent",
				"max-forwards", "cookie", "x-content-type-options");
		assertThat(response.headers().allValues("X-Request-Id")).hasSize(1).doesNotContain("mine");
		assertThat(response.headers().allValues("X-Function-Id")).hasSize(1).doesNotContain("f");
		assertThat(response.headers().allValues("X-Function-Version-Id")).hasSize(1).doesNotContain("v");
		assertThat(response.headers().firstValue("X-Kept")).hasValue("k");
	}

	@Test
	void functionErrorHeaderInHeadersIsNotWritten() {
		HttpResponse<byte[]> response = respond("{\"headers\": {\"X-Function-Error\": \"true\"}, \"body\": \"ok\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("X-Function-Error")).isEmpty();
		assertThat(TestHttp.text(response)).isEqualTo("ok");
	}

	@Test
	void functionErrorHeaderInLowerCaseIsNotWritten() {
		HttpResponse<byte[]> response = respond("{\"headers\": {\"x-function-error\": \"true\"}}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("X-Function-Error")).isEmpty();
	}

	@Test
	void functionErrorHeaderInMultiValueHeadersIsNotWritten() throws Exception {
		String result = "{\"multiValueHeaders\": {\"x-FUNCTION-error\": [\"true\", \"true\"]}}";
		TestHttp.RawResponse response = this.http.raw("POST /respond.handler HTTP/1.1\r\nHost: x\r\n"
				+ "Connection: close\r\nContent-Type: application/json\r\nContent-Length: " + result.length(),
				result.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers()).doesNotContainKey("x-function-error");
	}

	@Test
	void functionErrorHeaderIsSetByTheRuntimeWhenTheHandlerThrows() {
		HttpResponse<byte[]> response = this.http.get("/fail.sync");
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().allValues("X-Function-Error")).containsExactly("true");
	}

	@Test
	void remappedHeadersAreRenamed() {
		HttpResponse<byte[]> response = respond("{\"headers\": {\"Content-MD5\": \"m\", \"Date\": \"d\","
				+ " \"Server\": \"s\", \"WWW-Authenticate\": \"w\"}}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Yf-Remapped-Content-Md5")).hasValue("m");
		assertThat(response.headers().firstValue("X-Yf-Remapped-Date")).hasValue("d");
		assertThat(response.headers().firstValue("X-Yf-Remapped-Server")).hasValue("s");
		assertThat(response.headers().firstValue("X-Yf-Remapped-Www-Authenticate")).hasValue("w");
		assertThat(response.headers().allValues("Content-MD5")).isEmpty();
		assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
	}

	@Test
	void forbiddenHeadersMakeTheResponseMalformed() {
		assertMalformed("{\"headers\": {\"Via\": \"1.1 proxy\"}}", "{\"headers\":{\"Via\":\"1.1 proxy\"}}");
		assertMalformed("{\"headers\": {\"transfer-encoding\": \"chunked\"}}",
				"{\"headers\":{\"transfer-encoding\":\"chunked\"}}");
		assertMalformed("{\"multiValueHeaders\": {\"Proxy-Authenticate\": [\"Basic\"]}}",
				"{\"multiValueHeaders\":{\"Proxy-Authenticate\":[\"Basic\"]}}");
	}

	@Test
	void headerValuesWithLineBreaksCannotSplitTheResponse() {
		assertMalformed("{\"headers\": {\"X-A\": \"1\\r\\nSet-Cookie: evil=1\"}}",
				"{\"headers\":{\"X-A\":\"1\\r\\nSet-Cookie: evil=1\"}}");
	}

	@Test
	void resultThatIsNotAnObjectIsMalformed() {
		assertMalformed("[1, 2]", "[1,2]");
		assertMalformed("\"text\"", "\"text\"");
		assertMalformed("42", "42");
		assertMalformed("null", "null");
	}

	@Test
	void statusCodeMustBeAnIntegerFrom100To599() {
		assertMalformed("{\"statusCode\": 99}", "{\"statusCode\":99}");
		assertMalformed("{\"statusCode\": 600}", "{\"statusCode\":600}");
		assertMalformed("{\"statusCode\": \"200\"}", "{\"statusCode\":\"200\"}");
		assertMalformed("{\"statusCode\": 200.5}", "{\"statusCode\":200.5}");
		assertThat(respond("{\"statusCode\": 599}").statusCode()).isEqualTo(599);
		assertThat(respond("{\"statusCode\": 200}").statusCode()).isEqualTo(200);
	}

	@Test
	void informationalStatusIsMalformedBecauseItCannotEndAResponse() {
		assertMalformed("{\"statusCode\": 100}", "{\"statusCode\":100}");
		assertMalformed("{\"statusCode\": 199}", "{\"statusCode\":199}");
	}

	@Test
	void fieldsOfTheWrongTypeAreMalformed() {
		assertMalformed("{\"headers\": [\"X-A\"]}", "{\"headers\":[\"X-A\"]}");
		assertMalformed("{\"headers\": {\"X-A\": 1}}", "{\"headers\":{\"X-A\":1}}");
		assertMalformed("{\"multiValueHeaders\": {\"X-A\": \"1\"}}", "{\"multiValueHeaders\":{\"X-A\":\"1\"}}");
		assertMalformed("{\"body\": {\"a\": 1}}", "{\"body\":{\"a\":1}}");
		assertMalformed("{\"isBase64Encoded\": \"yes\"}", "{\"isBase64Encoded\":\"yes\"}");
	}

	@Test
	void invalidBase64IsMalformed() {
		assertMalformed("{\"body\": \"***\", \"isBase64Encoded\": true}",
				"{\"body\":\"***\",\"isBase64Encoded\":true}");
	}

	@Test
	void stringResultIsReadAsTheResponseJson() {
		HttpResponse<byte[]> response = this.http.postJson("/echo.string",
				"{}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).startsWith("{\"httpMethod\":\"POST\"");
	}

	@Test
	void everyAnswerCarriesTheFunctionIdentity() {
		HttpResponse<byte[]> response = this.http.get("/echo.event");
		assertThat(response.headers().firstValue("X-Function-Id")).hasValue("d4etestfunction00001");
		assertThat(response.headers().firstValue("X-Function-Version-Id")).hasValue("d4etestversion000001");
		HttpResponse<byte[]> failed = this.http.get("/fail.sync");
		assertThat(failed.headers().firstValue("X-Function-Id")).hasValueSatisfying(
				(id) -> assertThat(id).hasSize(20).startsWith("d4e"));
	}

}
