package io.functionruntime.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.stream.StreamSupport;

import io.functionruntime.internal.web.FunctionController;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The client of a {@code RANDOM_PORT} test calls the running server over HTTP, and gives
 * the handler the same event as in-process.
 */
@SpringBootTest(classes = KitFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureFunctionTestClient
class ServerFunctionTestClientTests extends FunctionTestClientContract {

	@LocalServerPort
	int port;

	@Autowired
	FunctionController controller;

	@Test
	void clientCallsTheRunningServer() {
		assertThat(this.functions).hasToString("FunctionTestClient[http://localhost:" + this.port + "]");
	}

	@Test
	void clientForAPortCallsThatServer() {
		FunctionResult result = FunctionTestClient.forPort(this.port).call("teapot.handler").send();
		assertThat(result.status()).isEqualTo(418);
		assertThat(result.header("Content-Length")).isEqualTo("15");
	}

	@Test
	void eventHasTheSameFieldsAndHeadersAsInProcess() {
		FunctionTestClient inProcess = FunctionTestClient.inProcess(this.controller);
		JsonNode overHttp = event(this.functions.call("echo.handler").query("q", "1").jsonBody(Map.of()).send());
		JsonNode direct = event(inProcess.call("echo.handler").query("q", "1").jsonBody(Map.of()).send());
		assertThat(overHttp.propertyNames()).containsExactlyElementsOf(direct.propertyNames());
		assertThat(overHttp.get("headers").propertyNames())
			.containsExactlyInAnyOrderElementsOf(direct.get("headers").propertyNames());
		assertThat(overHttp.get("body")).isEqualTo(direct.get("body"));
		assertThat(overHttp.get("queryStringParameters")).isEqualTo(direct.get("queryStringParameters"));
		assertThat(values(overHttp.get("requestContext").get("identity")))
			.isEqualTo(values(direct.get("requestContext").get("identity")));
	}

	@Test
	void eventFilePostedAsTheDocumentationsCurlCommandReachesTheHandler() throws Exception {
		// curl --data-binary @docs/events/timer.json -H 'Content-Type: application/json' \
		//   'http://localhost:8080/timer.handler?integration=raw'
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/timer.handler?integration=raw"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofFile(TIMER_SAMPLE))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.jsonMapper.readTree(response.body())).isEqualTo(this.jsonMapper.readTree(TIMER_SAMPLE.toFile()));
	}

	@Test
	void clientForAPortCannotFireTimersNamingTheFix() {
		assertThatIllegalStateException().isThrownBy(() -> FunctionTestClient.forPort(this.port).fireTimer("nightly"))
			.withMessageContaining("@AutoConfigureFunctionTestClient");
	}

	private static String values(JsonNode node) {
		return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asString).toList().toString();
	}

}
