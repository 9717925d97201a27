package io.functionruntime.actuate;

import java.net.http.HttpResponse;

import io.functionruntime.http.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code functions} health indicator over HTTP: down while a function cannot start an
 * instance, with the reason, and up again once one starts; the probes stay up meanwhile.
 */
@OpsTest(properties = "management.health.functions.init-failure-threshold=2")
class FunctionsHealthTests {

	@Autowired
	TestHttp http;

	@AfterEach
	void startAgain() {
		OpsFunctions.flakyFails.set(false);
	}

	@Test
	void functionIsDownAfterTheThresholdOfFailedStartsAndUpOnceAnInstanceStarts() {
		OpsFunctions.flakyFails.set(true);
		assertThat(this.http.get("/flaky.handler").statusCode()).isEqualTo(502);
		JsonNode flaky = functions(200).get("details").get("flaky.handler");
		assertThat(flaky.get("status").asString()).isEqualTo("UP");
		assertThat(flaky.get("failedInits").asInt()).isEqualTo(1);
		assertThat(flaky.get("lastInitFailure").asString()).isEqualTo("java.lang.IllegalStateException: flaky start");

		assertThat(this.http.get("/flaky.handler").statusCode()).isEqualTo(502);
		JsonNode down = functions(503);
		assertThat(down.get("status").asString()).isEqualTo("DOWN");
		assertThat(down.get("details").get("flaky.handler").get("reason").asString()).isEqualTo(
				"the last 2 instances failed to start and none is live: java.lang.IllegalStateException: flaky start");
		assertThat(down.get("details").get("ok.handler").get("status").asString()).isEqualTo("UP");
		assertThat(this.http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		OpsFunctions.flakyFails.set(false);
		assertThat(TestHttp.text(this.http.get("/flaky.handler"))).isEqualTo("started");
		JsonNode up = functions(200);
		assertThat(up.get("status").asString()).isEqualTo("UP");
		assertThat(up.get("details").get("flaky.handler").has("failedInits")).isFalse();
	}

	private JsonNode functions(int status) {
		HttpResponse<byte[]> health = this.http.get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(status);
		return TestHttp.json(health).get("components").get("functions");
	}

}
