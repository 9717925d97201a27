package io.functionruntime.sample;

import java.io.File;
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
import static org.awaitility.Awaitility.await;

/**
 * What the sample app shows operators, over HTTP: health and the probes, without details
 * on its public port, the {@code functions} endpoint, and the function metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void healthIsUpWithTheProbes() {
		assertThat(json("/actuator/health", 200).get("status").asString()).isEqualTo("UP");
		assertThat(json("/actuator/health/liveness", 200).get("status").asString()).isEqualTo("UP");
		assertThat(json("/actuator/health/readiness", 200).get("status").asString()).isEqualTo("UP");
	}

	@Test
	void healthOnThePublicPortHasNoComponentsOrDetails() {
		assertThat(json("/actuator/health", 200).propertyNames()).containsExactlyInAnyOrder("status", "groups");
	}

	@Test
	void healthOnThePublicPortNamesNeitherTheWorkingDirectoryNorTheDisk() {
		String health = get("/actuator/health").body();
		assertThat(health).doesNotContain(System.getProperty("user.dir"), new File("").getAbsolutePath(), "diskSpace",
				"free", "threshold");
	}

	@Test
	void functionsEndpointListsEveryFunction() {
		assertThat(json("/actuator/functions", 200).get("functions").propertyNames()).containsExactlyInAnyOrder(
				"main.handler", "mirror.handler", "errors.handler", "async.handler", "sleep.handler", "counter.handler",
				"orders.handler",
				"io.functionruntime.sample.cloud.Hello", "io.functionruntime.sample.cloud.Parity",
				"io.functionruntime.sample.cloud.Greeting", "io.functionruntime.sample.SampleApplication");
	}

	@Test
	void functionsEndpointShowsTheProvisionedInstance() {
		JsonNode counter = json("/actuator/functions/counter.handler", 200);
		assertThat(counter.get("instancesLimit").asInt()).isEqualTo(4);
		assertThat(counter.get("provisionedInstances").asInt()).isEqualTo(1);
		assertThat(counter.get("state").get("idle").asInt()).isEqualTo(1);
	}

	@Test
	void callsOfAFunctionAreMeasured() {
		assertThat(get("/errors.handler").statusCode()).isEqualTo(502);
		await().untilAsserted(() -> assertThat(
				get("/actuator/metrics/function.invocations?tag=function:errors.handler&tag=outcome:error")
					.statusCode())
			.isEqualTo(200));
	}

	private JsonNode json(String path, int status) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).isEqualTo(status);
		return JsonMapper.shared().readTree(response.body());
	}

	private HttpResponse<String> get(String path) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
