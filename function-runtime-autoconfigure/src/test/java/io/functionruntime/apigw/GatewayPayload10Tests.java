package io.functionruntime.apigw;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests through the emulated API Gateway with a JSON spec of payload format 1.0 and
 * {@code ignoreTrailingSlashes: false}, over real HTTP.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "function-runtime.api-gateway.spec=classpath:apigw/gateway-1.0.json",
				"function-runtime.api-gateway.max-request-size=16B" })
@ActiveProfiles("apigw")
@Import(TestHttpConfiguration.class)
class GatewayPayload10Tests {

	@Autowired
	TestHttp http;

	@Test
	void eventHasTheFieldsOfFormat10() {
		HttpResponse<byte[]> response = this.http.send("PUT", "/v1/orders/o-7?dry=yes&other=1", "application/json",
				"{\"qty\":2}".getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer token-2");
		JsonNode event = okJson(response);
		assertThat(fieldNames(event)).containsExactly("httpMethod", "headers", "multiValueHeaders",
				"queryStringParameters", "multiValueQueryStringParameters", "requestContext", "version", "resource",
				"path", "pathParameters", "body", "isBase64Encoded", "parameters", "multiValueParameters",
				"operationId");
		assertThat(event.get("version").asString()).isEqualTo("1.0");
		assertThat(event.get("resource").asString()).isEqualTo("/v1/orders/{orderId}");
		assertThat(event.get("path").asString()).isEqualTo("/v1/orders/o-7");
		assertThat(event.get("pathParameters").toString()).isEqualTo("{\"orderId\":\"o-7\"}");
		assertThat(event.get("parameters").toString()).isEqualTo("{\"orderId\":\"o-7\",\"dry\":\"yes\"}");
		assertThat(event.get("multiValueParameters").toString())
			.isEqualTo("{\"orderId\":[\"o-7\"],\"dry\":[\"yes\"]}");
		assertThat(event.get("operationId").asString()).isEqualTo("putOrder");
		assertThat(event.get("body").asString()).isEqualTo("{\"qty\":2}");
		assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
		assertThat(event.get("headers").get("Authorization").asString()).isEqualTo("Bearer token-2");
		assertThat(event.get("requestContext").get("requestId").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(event.get("requestContext").get("apiGateway").toString())
			.isEqualTo("{\"operationContext\":{\"order\":\"o-7\"}}");
	}

	@Test
	void operationWithoutIdGetsAStableDigest() throws Exception {
		JsonNode event = okJson(this.http.get("/v1/plain"));
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest("GET /v1/plain".getBytes(StandardCharsets.UTF_8)));
		assertThat(event.get("operationId").asString()).isEqualTo(expected).hasSize(64);
		assertThat(event.get("requestContext").has("apiGateway")).isFalse();
		assertThat(event.has("url")).isFalse();
	}

	@Test
	void trailingSlashCountsWhenTheSpecSaysSo() {
		int calls = GatewayApplication.calls.get();
		assertThat(this.http.get("/v1/plain/").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/v1/slash").statusCode()).isEqualTo(404);
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
		assertThat(okJson(this.http.get("/v1/slash/")).get("resource").asString()).isEqualTo("/v1/slash/");
	}

	@Test
	void bodyOverTheGatewaysLimitIsRefusedWithoutACall() {
		int calls = GatewayApplication.calls.get();
		HttpResponse<byte[]> response = this.http.send("PUT", "/v1/orders/o-8", "application/json",
				"{\"qty\":1234567890}".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(json(response).get("errorType").asString()).isEqualTo("RequestTooLarge");
		assertThat(json(response).get("errorMessage").asString()).isEqualTo("Request is too large: the API Gateway "
				+ "accepts a body of at most 16 bytes (function-runtime.api-gateway.max-request-size)");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
