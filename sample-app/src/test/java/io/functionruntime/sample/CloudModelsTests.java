package io.functionruntime.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's functions of the cloud's Java models answer over HTTP: the quick start's
 * {@code Function}, the even/odd {@code YcFunction} in raw mode, the servlet, and the
 * Spring Boot model reaching the sample's controller.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CloudModelsTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void quickStartFunctionGreetsTheBody() throws Exception {
		HttpResponse<String> response = post("/io.functionruntime.sample.cloud.Hello", "application/json", "world");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Hello, world!");
	}

	@Test
	void parityYcFunctionTellsEvenAndOddNumbersInRawMode() throws Exception {
		String path = "/io.functionruntime.sample.cloud.Parity?integration=raw";
		assertThat(post(path, "application/json", "42").body()).isEqualTo("true");
		assertThat(post(path, "application/json", "41").body()).isEqualTo("false");
	}

	@Test
	void greetingServletReadsAFormParameter() throws Exception {
		HttpResponse<String> response = post("/io.functionruntime.sample.cloud.Greeting",
				"application/x-www-form-urlencoded", "name=Ann");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("Hello, Ann, from d4e");
	}

	@Test
	void quickStartFunctionInRawModeBindsTheBodyAsItsRequest() throws Exception {
		HttpResponse<String> response = post("/io.functionruntime.sample.cloud.Hello?integration=raw",
				"application/json", "{\"httpMethod\":\"GET\",\"body\":\"raw\"}");

		JsonNode result = JsonMapper.shared().readTree(response.body());
		assertThat(result.get("statusCode").asInt()).isEqualTo(200);
		assertThat(result.get("body").asString()).isEqualTo("Hello, raw!");
	}

	@Test
	void parityYcFunctionInHttpModeIsABadRequestNamingTheType() throws Exception {
		HttpResponse<String> response = post("/io.functionruntime.sample.cloud.Parity", "application/json", "42");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JsonMapper.shared().readTree(response.body()).get("errorType").asString()).isEqualTo("BadRequest");
	}

	@Test
	void greetingServletInRawModeAnswersTheProxyResponse() throws Exception {
		HttpResponse<String> response = post("/io.functionruntime.sample.cloud.Greeting?integration=raw",
				"application/json", "{\"httpMethod\":\"GET\",\"url\":\"/?name=Raw\",\"headers\":{},"
						+ "\"queryStringParameters\":{\"name\":\"Raw\"},\"body\":\"\",\"isBase64Encoded\":false}");

		JsonNode result = JsonMapper.shared().readTree(response.body());
		assertThat(result.get("statusCode").asInt()).isEqualTo(200);
		assertThat(new String(Base64.getDecoder().decode(result.get("body").asString()), StandardCharsets.UTF_8))
			.startsWith("Hello, Raw, from d4e");
	}

	@Test
	void springBootFunctionDispatchesIntoTheController() throws Exception {
		HttpResponse<String> response = post("/io.functionruntime.sample.SampleApplication?integration=raw",
				"application/json", "{\"httpMethod\":\"GET\",\"url\":\"/get/Anonymous\",\"requestContext\":{},"
						+ "\"body\":\"\",\"isBase64Encoded\":false}");

		JsonNode result = JsonMapper.shared().readTree(response.body());
		assertThat(result.get("statusCode").asInt()).isEqualTo(200);
		assertThat(new String(Base64.getDecoder().decode(result.get("body").asString()), StandardCharsets.UTF_8))
			.isEqualTo("{\"message\":\"Hello, Anonymous\"}");
	}

	private HttpResponse<String> post(String path, String contentType, String body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
