package io.functionruntime.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's API Gateway spec ({@code apigw.yaml}) in front of its functions, over HTTP
 * as the README's curl calls it: {@code main.handler} answers with the event the gateway
 * built.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleGatewayTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void helloPathCarriesTheGatewaysEventWithItsOperationContext() throws Exception {
		HttpResponse<String> response = send("GET", "/hello/Alice?lang=en");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		JsonNode event = eventOf(response);
		assertThat(event.get("path").asString()).isEqualTo("/hello/{name}");
		assertThat(event.get("url").asString()).isEqualTo("/hello/Alice?lang=en");
		assertThat(event.get("pathParams").get("name").asString()).isEqualTo("Alice");
		assertThat(event.get("params").get("name").asString()).isEqualTo("Alice");
		assertThat(event.get("params").get("lang").asString()).isEqualTo("en");
		assertThat(event.get("headers").get("X-Api-Gateway-Function-Id").asString())
			.isEqualTo("d4eexample0000000001");
		assertThat(event.at("/requestContext/apiGateway/operationContext/greeting").asString())
			.isEqualTo("hello Alice");
	}

	@Test
	void filesTakeEveryMethodAndSeveralSegmentsInTheVersion10Event() throws Exception {
		for (String method : new String[] { "GET", "DELETE" }) {
			JsonNode event = eventOf(send(method, "/files/docs/readme.txt"));
			assertThat(event.get("version").asString()).isEqualTo("1.0");
			assertThat(event.get("httpMethod").asString()).isEqualTo(method);
			assertThat(event.get("resource").asString()).isEqualTo("/files/{path+}");
			assertThat(event.get("path").asString()).isEqualTo("/files/docs/readme.txt");
			assertThat(event.get("pathParameters").get("path").asString()).isEqualTo("docs/readme.txt");
		}
	}

	@Test
	void counterIsReachedThroughTheGatewayAndDirectlyAlike() throws Exception {
		assertThat(send("POST", "/counter").statusCode()).isEqualTo(200);
		assertThat(send("POST", "/counter.handler").statusCode()).isEqualTo(200);
	}

	@Test
	void pathsTheSpecDoesNotNameStayTheApplications() throws Exception {
		assertThat(send("GET", "/actuator/health").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/main.handler").statusCode()).isEqualTo(200);
	}

	private JsonNode eventOf(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body()).get("event");
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
