package io.functionruntime.http;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event and result shape of SPEC §1, called over HTTP.
 */
@HttpTest
class HandlerShapesTests {

	@Autowired
	TestHttp http;

	@Test
	void treeHandlerGetsTheEventAsAnObjectNode() {
		HttpResponse<byte[]> response = this.http.get("/echo.tree");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("ObjectNode:GET");
	}

	@Test
	void stringHandlerGetsTheWholeEventAsJsonText() {
		HttpResponse<byte[]> response = this.http.postJson("/echo.string?x=1", "{\"a\":1}");
		JsonNode event = TestHttp.json(response);
		assertThat(event.get("httpMethod").asString()).isEqualTo("POST");
		assertThat(event.get("body").asString()).isEqualTo("{\"a\":1}");
		assertThat(event.get("queryStringParameters").get("x").asString()).isEqualTo("1");
	}

	@Test
	void bytesHandlerGetsTheWholeEventAsJsonBytes() {
		HttpResponse<byte[]> response = this.http.get("/echo.bytes?x=2");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode event = TestHttp.JSON.readTree(TestHttp.text(response));
		assertThat(event.get("queryStringParameters").get("x").asString()).isEqualTo("2");
		assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
	}

	@Test
	void pojoHandlerGetsTheEventBound() {
		HttpResponse<byte[]> response = this.http.postJson("/echo.pojo", "{\"a\":1}");
		assertThat(TestHttp.text(response)).isEqualTo("POST {\"a\":1} false");
	}

	@Test
	void typedHandlerGetsTheHttpEvent() {
		assertThat(TestHttp.text(this.http.send("PUT", "/typed.handler?k=v", null, null))).isEqualTo("PUT {k=v}");
	}

	@Test
	void asyncHandlerAnswersWhenItsFutureCompletes() {
		HttpResponse<byte[]> response = this.http.get("/echo.async?ms=50");
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(TestHttp.text(response)).isEqualTo("later 50");
	}

	@Test
	void voidHandlerInHttpModeIsAMalformedResponse() {
		HttpResponse<byte[]> response = this.http.get("/identity.nothing");
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(TestHttp.json(response).get("errorType").asString()).isEqualTo("ProxyIntegrationError");
		assertThat(TestHttp.json(response).get("payload").asString()).isEqualTo("null");
	}

}
