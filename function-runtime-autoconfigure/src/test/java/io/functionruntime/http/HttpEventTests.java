package io.functionruntime.http;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event a handler receives for an HTTP call (SPEC §3), field by field.
 */
@HttpTest
class HttpEventTests {

	@Autowired
	TestHttp http;

	private JsonNode event(String head, String body) throws Exception {
		TestHttp.RawResponse response = this.http.raw(head, body.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("event");
	}

	private JsonNode event(HttpResponse<byte[]> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return TestHttp.json(response).get("event");
	}

	@Test
	void headerNamesAreCanonical() throws Exception {
		JsonNode event = event("GET /echo.event HTTP/1.1\r\nhost: x\r\ncontent-type: text/plain\r\n"
				+ "x-custom-THING: a\r\nx-real-remote-address: spoofed\r\ncontent-length: 0", "");
		assertThat(event.get("headers").propertyNames()).containsExactlyInAnyOrder("Host", "Content-Type",
				"X-Custom-Thing", "Content-Length", "X-Forwarded-For", "X-Real-Remote-Address", "X-Request-Id",
				"X-Trace-Id");
		assertThat(event.get("headers").get("X-Custom-Thing").asString()).isEqualTo("a");
		assertThat(event.get("headers").get("X-Real-Remote-Address").asString()).matches("\\[127\\.0\\.0\\.1\\]:\\d+");
	}

	@Test
	void repeatedHeaderKeepsLastValueAndAllValuesInOrder() throws Exception {
		JsonNode event = event("GET /echo.event HTTP/1.1\r\nHost: x\r\nX-Multi: one\r\nx-multi: two\r\n"
				+ "X-MULTI: three, four", "");
		assertThat(event.get("headers").get("X-Multi").asString()).isEqualTo("three, four");
		assertThat(event.get("multiValueHeaders").get("X-Multi").valueStream().map(JsonNode::asString))
			.containsExactly("one", "two", "three, four");
	}

	@Test
	void routerRemovesHopByHopAndCredentialHeaders() throws Exception {
		JsonNode event = event("GET /echo.event HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer secret\r\n"
				+ "Cookie: session=1\r\nTe: trailers\r\nTrailer: X-A\r\nUpgrade: h2c\r\nConnection: keep-alive\r\n"
				+ "Content-MD5: abc\r\nMax-Forwards: 3\r\nServer: s\r\nWww-Authenticate: Basic\r\n"
				+ "Proxy-Authenticate: Basic\r\nX-Kept: yes", "");
		assertThat(event.get("headers").propertyNames()).containsExactly("Host", "X-Kept", "X-Forwarded-For",
				"X-Real-Remote-Address", "X-Request-Id", "X-Trace-Id");
		assertThat(event.get("multiValueHeaders").propertyNames()).containsExactly("Host", "X-Kept",
				"X-Forwarded-For", "X-Real-Remote-Address", "X-Request-Id", "X-Trace-Id");
	}

	@Test
	void transferEncodingAndExpectAreRemoved() throws Exception {
		JsonNode event = event("POST /echo.event HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
				+ "Content-Type: application/json", "2\r\n{}\r\n0\r\n\r\n");
		assertThat(event.get("headers").has("Transfer-Encoding")).isFalse();
		assertThat(event.get("body").asString()).isEqualTo("{}");
	}

	@Test
	void routerAddsRequestIdTraceIdRemoteAddressAndForwardedFor() throws Exception {
		HttpResponse<byte[]> response = this.http.get("/echo.event");
		JsonNode event = event(response);
		JsonNode headers = event.get("headers");
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(headers.get("X-Request-Id").asString()).isEqualTo(requestId);
		assertThat(headers.get("X-Trace-Id").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
			.isNotEqualTo(requestId);
		assertThat(headers.get("X-Forwarded-For").asString()).isEqualTo("127.0.0.1");
		assertThat(headers.get("X-Real-Remote-Address").asString()).matches("\\[127\\.0\\.0\\.1\\]:\\d+");
	}

	@Test
	void incomingTraceIdIsKeptAndForwardedForExtended() throws Exception {
		JsonNode event = event("GET /echo.event HTTP/1.1\r\nHost: x\r\nX-Trace-Id: trace-1\r\n"
				+ "X-Forwarded-For: 10.0.0.1, 10.0.0.2\r\nX-Request-Id: spoofed", "");
		assertThat(event.get("headers").get("X-Trace-Id").asString()).isEqualTo("trace-1");
		assertThat(event.get("headers").get("X-Forwarded-For").asString()).isEqualTo("10.0.0.1, 10.0.0.2, 127.0.0.1");
		assertThat(event.get("headers").get("X-Request-Id").asString()).isNotEqualTo("spoofed")
			.isEqualTo(event.get("requestContext").get("requestId").asString());
	}

	@Test
	void queryHasLastValueAndAllValuesPercentDecoded() {
		JsonNode event = event(this.http.get("/echo.event?param=one&multi=a&multi=b%20c&plus=x+y&utf=%D0%BF%D1%80%D0%B8&flag"));
		assertThat(event.get("queryStringParameters").toString())
			.isEqualTo("{\"param\":\"one\",\"multi\":\"b c\",\"plus\":\"x y\",\"utf\":\"при\",\"flag\":\"\"}");
		assertThat(event.get("multiValueQueryStringParameters").toString())
			.isEqualTo("{\"param\":[\"one\"],\"multi\":[\"a\",\"b c\"],\"plus\":[\"x y\"],\"utf\":[\"при\"],\"flag\":[\"\"]}");
	}

	@Test
	void integrationParameterIsNotPassedToTheHandler() {
		JsonNode event = event(this.http.get("/echo.event?integration=other&a=1"));
		assertThat(event.get("queryStringParameters").toString()).isEqualTo("{\"a\":\"1\"}");
		assertThat(event.get("multiValueQueryStringParameters").toString()).isEqualTo("{\"a\":[\"1\"]}");
	}

	@Test
	void noQueryGivesEmptyMaps() {
		JsonNode event = event(this.http.get("/echo.event"));
		assertThat(event.get("queryStringParameters").toString()).isEqualTo("{}");
		assertThat(event.get("multiValueQueryStringParameters").toString()).isEqualTo("{}");
	}

	@Test
	void requestContextDescribesTheCall() {
		long before = System.currentTimeMillis() / 1000;
		HttpResponse<byte[]> response = this.http.send("PATCH", "/echo.event", null, null, "User-Agent", "tester/1.0");
		long after = System.currentTimeMillis() / 1000;
		JsonNode event = event(response);
		JsonNode requestContext = event.get("requestContext");
		assertThat(event.get("httpMethod").asString()).isEqualTo("PATCH");
		assertThat(requestContext.get("httpMethod").asString()).isEqualTo("PATCH");
		assertThat(requestContext.get("identity").get("sourceIp").asString()).isEqualTo("127.0.0.1");
		assertThat(requestContext.get("identity").get("userAgent").asString()).isEqualTo("tester/1.0");
		assertThat(requestContext.get("requestId").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		long epoch = requestContext.get("requestTimeEpoch").asLong();
		assertThat(requestContext.get("requestTimeEpoch").isIntegralNumber()).isTrue();
		assertThat(epoch).isBetween(before, after);
		String clf = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
			.format(ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(epoch), ZoneOffset.UTC));
		assertThat(requestContext.get("requestTime").asString()).isEqualTo(clf).endsWith(" +0000");
	}

	@Test
	void jsonBodyIsKeptAsText() {
		JsonNode event = event(this.http.postJson("/echo.event", "{\"hello\": \"world\"}"));
		assertThat(event.get("body").asString()).isEqualTo("{\"hello\": \"world\"}");
		assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
	}

	@Test
	void jsonMediaTypeIsMatchedIgnoringCaseAndParameters() {
		JsonNode event = event(this.http.send("POST", "/echo.event", "Application/JSON; charset=utf-8",
				"[1, 2]".getBytes(StandardCharsets.UTF_8)));
		assertThat(event.get("body").asString()).isEqualTo("[1, 2]");
		assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
	}

	@Test
	void invalidJsonWithJsonContentTypeIsStillPassedAsText() {
		JsonNode event = event(this.http.postJson("/echo.event", "{not json"));
		assertThat(event.get("body").asString()).isEqualTo("{not json");
		assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
	}

	@Test
	void everyOtherBodyIsBase64() {
		for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded",
				"application/octet-stream", "application/custom+json")) {
			byte[] body = "a=1&b=\u00ff".getBytes(StandardCharsets.UTF_8);
			JsonNode event = event(this.http.send("POST", "/echo.event", contentType, body));
			assertThat(event.get("body").asString()).as(contentType).isEqualTo(Base64.getEncoder().encodeToString(body));
			assertThat(event.get("isBase64Encoded").asBoolean()).as(contentType).isTrue();
		}
	}

	@Test
	void bodyWithoutContentTypeIsBase64() throws Exception {
		JsonNode event = event("POST /echo.event HTTP/1.1\r\nHost: x\r\nContent-Length: 3", "abc");
		assertThat(event.get("body").asString()).isEqualTo("YWJj");
		assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
	}

	@Test
	void bodilessGetHasEmptyBase64Body() {
		JsonNode event = event(this.http.get("/echo.event"));
		assertThat(event.get("body").asString()).isEmpty();
		assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
	}

	@Test
	void directCallFieldsAreEmpty() {
		JsonNode event = event(this.http.get("/echo.event"));
		assertThat(event.get("path").asString()).isEmpty();
		assertThat(event.get("url").asString()).isEmpty();
		assertThat(event.get("params").toString()).isEqualTo("{}");
		assertThat(event.get("multiValueParams").toString()).isEqualTo("{}");
		assertThat(event.get("pathParams").toString()).isEqualTo("{}");
	}

	@Test
	void eventHasExactlyTheCloudsKeys() {
		JsonNode event = event(this.http.get("/echo.event"));
		assertThat(event.propertyNames()).containsExactlyInAnyOrder("httpMethod", "headers", "multiValueHeaders",
				"queryStringParameters", "multiValueQueryStringParameters", "requestContext", "body",
				"isBase64Encoded", "path", "url", "params", "multiValueParams", "pathParams");
		assertThat(event.get("requestContext").propertyNames()).containsExactlyInAnyOrder("identity", "httpMethod",
				"requestId", "requestTime", "requestTimeEpoch");
	}

	@Test
	void everyMethodIsAccepted() {
		for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PURGE")) {
			JsonNode event = event(this.http.send(method, "/echo.event", null, null));
			assertThat(event.get("httpMethod").asString()).isEqualTo(method);
		}
	}

}
