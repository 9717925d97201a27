package io.functionruntime.apigw;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static io.functionruntime.http.TestHttp.json;
import static io.functionruntime.http.TestHttp.okJson;
import static io.functionruntime.http.TestHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests through the emulated API Gateway with a spec of payload format 0.1 (the
 * default), over real HTTP: the routes the gateway picks and the event it builds, field
 * for field, as the echo function gives it back.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "function-runtime.api-gateway.spec=classpath:apigw/gateway-0.1.yaml")
@ActiveProfiles("apigw")
@Import(TestHttpConfiguration.class)
class GatewayPayload01Tests {

	@Autowired
	TestHttp http;

	@Test
	void templateFillsEveryFieldOfTheEvent() {
		HttpResponse<byte[]> response = this.http.send("GET", "/users/42?verbose=yes&verbose=no&other=1", null, null,
				"X-Tenant", "acme", "Cookie", "session=abc; theme=dark", "Authorization", "Bearer token-1",
				"User-Agent", "gateway-test");
		JsonNode event = okJson(response);
		assertThat(fieldNames(event)).containsExactly("httpMethod", "headers", "url", "params", "multiValueParams",
				"pathParams", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters",
				"requestContext", "body", "isBase64Encoded", "path");
		assertThat(event.get("httpMethod").asString()).isEqualTo("GET");
		assertThat(event.get("url").asString()).isEqualTo("/users/42?verbose=yes&verbose=no&other=1");
		assertThat(event.get("path").asString()).isEqualTo("/users/{id}");
		assertThat(event.get("pathParams").toString()).isEqualTo("{\"id\":\"42\"}");
		assertThat(event.get("params").toString())
			.isEqualTo("{\"id\":\"42\",\"verbose\":\"no\",\"X-Tenant\":\"acme\",\"session\":\"abc\"}");
		assertThat(event.get("multiValueParams").toString()).isEqualTo(
				"{\"id\":[\"42\"],\"verbose\":[\"yes\",\"no\"],\"X-Tenant\":[\"acme\"],\"session\":[\"abc\"]}");
		assertThat(event.get("queryStringParameters").toString())
			.isEqualTo("{\"verbose\":\"no\",\"other\":\"1\"}");
		assertThat(event.get("body").asString()).isEmpty();
		assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
		JsonNode headers = event.get("headers");
		assertThat(headers.get("Authorization").asString()).isEqualTo("Bearer token-1");
		assertThat(headers.get("Cookie").asString()).isEqualTo("session=abc; theme=dark");
		assertThat(headers.get("X-Api-Gateway-Function-Id").asString()).isEqualTo("d4eechofunction00001");
		assertThat(headers.get("X-Envoy-Original-Path").asString())
			.isEqualTo("/users/42?verbose=yes&verbose=no&other=1");
		assertThat(headers.get("X-Forwarded-For").asString()).isEqualTo("127.0.0.1");
		assertThat(headers.get("X-Envoy-External-Address").asString()).isEqualTo("127.0.0.1");
		assertThat(headers.get("X-Forwarded-Proto").asString()).isEqualTo("https");
		assertThat(headers.get("X-Real-Remote-Address").asString()).matches("127\\.0\\.0\\.1:\\d+");
		assertThat(headers.get("X-Serverless-Certificate-Ids").asString()).isEqualTo("{}");
		assertThat(headers.get("X-Serverless-Gateway-Id").asString()).isEqualTo("d5dlocal0apigateway0");
		assertThat(headers.get("X-Trace-Id").asString()).matches("[0-9a-f-]{36}");
		assertThat(headers.get("Uber-Trace-Id").asString()).matches("[0-9a-f]{16}:[0-9a-f]{16}:[0-9a-f]{16}:1");
		assertThat(event.get("multiValueHeaders").get("X-Tenant").toString()).isEqualTo("[\"acme\"]");
		JsonNode requestContext = event.get("requestContext");
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestContext.get("requestId").asString()).isEqualTo(requestId);
		assertThat(headers.get("X-Request-Id").asString()).isEqualTo(requestId);
		assertThat(requestContext.get("httpMethod").asString()).isEqualTo("GET");
		assertThat(requestContext.get("identity").toString())
			.isEqualTo("{\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"gateway-test\"}");
		assertThat(requestContext.get("requestTime").asString())
			.matches("[1-9]\\d?/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
		assertThat(requestContext.get("requestTimeEpoch").isIntegralNumber()).isTrue();
		assertThat(requestContext.get("apiGateway").toString()).isEqualTo("{\"operationContext\":{\"user\":\"user 42\","
				+ "\"nested\":{\"tenant\":\"acme\",\"list\":[\"no\",7],\"unknown\":\"{nothing}\"}}}");
	}

	@Test
	void literalPathWinsOverParameterAndHasNoOperationContext() {
		JsonNode event = okJson(this.http.get("/users/me"));
		assertThat(event.get("path").asString()).isEqualTo("/users/me");
		assertThat(event.get("url").asString()).isEqualTo("/users/me?");
		assertThat(event.get("pathParams").isEmpty()).isTrue();
		assertThat(event.get("params").isEmpty()).isTrue();
		assertThat(event.get("requestContext").has("apiGateway")).isFalse();
	}

	@Test
	void greedyParameterTakesSeveralSegmentsDecoded() {
		JsonNode event = okJson(this.http.get("/static/css/site%2Fmain.css"));
		assertThat(event.get("path").asString()).isEqualTo("/static/{file+}");
		assertThat(event.get("pathParams").get("file").asString()).isEqualTo("css/site/main.css");
		assertThat(event.get("params").get("file").asString()).isEqualTo("css/site/main.css");
		assertThat(event.get("url").asString()).isEqualTo("/static/css/site%2Fmain.css?");
	}

	@Test
	void greedyParameterTakesAnEmptyTail() {
		JsonNode event = okJson(this.http.get("/static/"));
		assertThat(event.get("pathParams").toString()).isEqualTo("{\"file\":\"\"}");
	}

	@Test
	void trailingSlashIsIgnoredByDefault() {
		JsonNode event = okJson(this.http.get("/users/7/"));
		assertThat(event.get("pathParams").toString()).isEqualTo("{\"id\":\"7\"}");
		assertThat(event.get("url").asString()).isEqualTo("/users/7/?");
	}

	@Test
	void explicitMethodWinsOverAnyMethodOnTheSamePath() {
		JsonNode event = okJson(this.http.postJson("/items", "{\"name\":\"pen\"}"));
		assertThat(event.get("httpMethod").asString()).isEqualTo("POST");
		assertThat(event.get("body").asString()).isEqualTo("{\"name\":\"pen\"}");
		assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
	}

	@Test
	void anyMethodTakesTheOtherMethodsAndItsBase64ResponseIsDecoded() {
		HttpResponse<byte[]> response = this.http.send("DELETE", "/items", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(response.body()).isEqualTo(GatewayApplication.PNG);
	}

	@Test
	void redirectPassesThrough() {
		HttpResponse<byte[]> response = this.http.get("/old");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("https://example.org/elsewhere");
	}

	@Test
	void formBodyReachesTheFunctionUnread() {
		byte[] form = "a=1&b=%C3%A9".getBytes(StandardCharsets.UTF_8);
		JsonNode event = okJson(this.http.send("PUT", "/form", "application/x-www-form-urlencoded", form));
		assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
		assertThat(Base64.getDecoder().decode(event.get("body").asString())).isEqualTo(form);
	}

	@Test
	void wrongMethodOnANamedPathIsAJsonNotFoundWithoutACall() {
		int calls = GatewayApplication.calls.get();
		HttpResponse<byte[]> response = this.http.send("DELETE", "/only-get", null, null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(json(response).get("errorType").asString()).isEqualTo("NotFound");
		assertThat(json(response).get("errorMessage").asString()).contains("DELETE", "/only-get");
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
	}

	@Test
	void unmatchedPathUnderAFirstSegmentTheSpecNamesIsAJsonNotFoundWithoutACall() {
		int calls = GatewayApplication.calls.get();
		for (String path : new String[] { "/users/42/orders", "/users", "/old/new" }) {
			HttpResponse<byte[]> response = this.http.get(path);
			JsonNode error = TestHttp.errorBody(response, 404, "NotFound");
			assertThat(error.get("errorMessage").asString())
				.isEqualTo("Not Found: no path of the API Gateway spec matches " + path);
		}
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
	}

	@Test
	void preflightWithoutACorsRuleOrAnOptionsOperationIsAJsonNotFoundWithoutACall() {
		int calls = GatewayApplication.calls.get();
		HttpResponse<byte[]> response = this.http.send("OPTIONS", "/only-get", null, null, "Origin",
				"https://web.example", "Access-Control-Request-Method", "GET");
		TestHttp.errorBody(response, 404, "NotFound");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
	}

	@Test
	void actuatorOnAPathTheSpecDoesNotNameStaysTheApplications() {
		HttpResponse<byte[]> response = this.http.get("/actuator/health");
		assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
		assertThat(json(response).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void pathTheSpecDoesNotNameIsTheApplicationsAndCallsNoFunction() {
		int calls = GatewayApplication.calls.get();
		HttpResponse<byte[]> response = this.http.get("/nowhere/at/all");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("X-Api-Gateway-Function-Id")).isEmpty();
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
	}

	@Test
	void otherIntegrationTypeIsAJsonNotImplemented() {
		int calls = GatewayApplication.calls.get();
		HttpResponse<byte[]> response = this.http.get("/elsewhere");
		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(json(response).get("errorType").asString()).isEqualTo("NotImplemented");
		assertThat(json(response).get("errorMessage").asString()).contains("'http'", "GET /elsewhere");
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
	}

	@Test
	void applicationControllerOnAPathTheSpecDoesNotNameIsServed() {
		HttpResponse<byte[]> response = this.http.get("/own/hello");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(text(response)).isEqualTo("hello from the application");
	}

	@Test
	void directCallKeepsItsRouteAndItsEvent() {
		JsonNode event = okJson(this.http.send("GET", "/echo.event", null, null, "Authorization", "Bearer token-1"));
		assertThat(event.get("path").asString()).isEmpty();
		assertThat(event.get("url").asString()).isEmpty();
		assertThat(event.get("headers").has("Authorization")).isFalse();
		assertThat(event.get("headers").has("X-Api-Gateway-Function-Id")).isFalse();
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
