package io.functionruntime.actuate;

import java.net.http.HttpResponse;
import java.util.List;

import io.functionruntime.http.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code functions} Actuator endpoint over HTTP, and Actuator's paths next to the
 * runtime's.
 */
@OpsTest
class FunctionsEndpointTests {

	@Autowired
	TestHttp http;

	@Test
	void endpointListsEveryFunctionByEntryPoint() {
		JsonNode functions = TestHttp.json(this.http.get("/actuator/functions")).get("functions");
		assertThat(functions.propertyNames()).containsExactlyInAnyOrder("ok.handler", "fail.handler", "slow.handler",
				"busy.handler", "malformed.handler", "observed.handler", "broken.handler", "flaky.handler");
	}

	@Test
	void endpointDescribesAFunctionsIdentitySettingsAndInstances() {
		assertThat(this.http.get("/ok.handler").statusCode()).isEqualTo(200);
		JsonNode ok = TestHttp.json(this.http.get("/actuator/functions")).get("functions").get("ok.handler");
		assertThat(ok.get("entryPoint").asString()).isEqualTo("ok.handler");
		assertThat(ok.get("routes").valueStream().map(JsonNode::asString)).containsExactly("/ok.handler",
				"/d4eopsfunction000001", "/");
		assertThat(ok.get("id").asString()).isEqualTo("d4eopsfunction000001");
		assertThat(ok.get("name").asString()).isEqualTo("ok.handler");
		assertThat(ok.get("versionId").asString()).isEqualTo("d4eopsversion0000001");
		assertThat(ok.get("handler").asString()).contains("Handlers.ok(HttpEvent)");
		assertThat(ok.get("timeoutMillis").asLong()).isEqualTo(3000);
		assertThat(ok.get("memoryLimitMb").asInt()).isEqualTo(128);
		assertThat(ok.get("concurrency").asInt()).isEqualTo(1);
		assertThat(ok.get("instancesLimit").asInt()).isEqualTo(1);
		assertThat(ok.get("provisionedInstances").asInt()).isZero();
		assertThat(ok.get("requestsLimit").asInt()).isEqualTo(10);
		JsonNode state = ok.get("state");
		assertThat(state.propertyNames()).containsExactly("busy", "idle", "retired", "inFlight", "queued",
				"failedInits");
		assertThat(List.of(state.get("busy").asInt(), state.get("idle").asInt(), state.get("retired").asInt(),
				state.get("inFlight").asInt(), state.get("queued").asInt(), state.get("failedInits").asInt()))
			.containsExactly(0, 1, 0, 0, 0, 0);
	}

	@Test
	void endpointShowsOneFunctionFoundByEntryPointOrId() {
		JsonNode byEntryPoint = TestHttp.json(this.http.get("/actuator/functions/ok.handler"));
		JsonNode byId = TestHttp.json(this.http.get("/actuator/functions/d4eopsfunction000001"));
		assertThat(byEntryPoint.get("entryPoint").asString()).isEqualTo("ok.handler");
		assertThat(byId.get("entryPoint").asString()).isEqualTo("ok.handler");
	}

	@Test
	void unknownFunctionOfTheEndpointIs404() {
		assertThat(this.http.get("/actuator/functions/none.handler").statusCode()).isEqualTo(404);
	}

	@Test
	void functionWhoseObjectCannotBeCreatedShowsTheFailureAndNoInstance() {
		HttpResponse<byte[]> call = this.http.get("/broken.handler");
		assertThat(call.statusCode()).isEqualTo(502);
		assertThat(call.headers().firstValue("X-Function-Error")).hasValue("true");
		JsonNode state = TestHttp.json(this.http.get("/actuator/functions/broken.handler")).get("state");
		assertThat(state.get("failedInits").asInt()).isPositive();
		assertThat(state.get("lastInitFailure").asString())
			.isEqualTo("java.lang.IllegalStateException: no database");
		assertThat(List.of(state.get("busy").asInt(), state.get("idle").asInt(), state.get("retired").asInt()))
			.containsExactly(0, 0, 0);
	}

	@Test
	void actuatorKeepsItsPathsBesideTheFunctions() {
		HttpResponse<byte[]> health = this.http.get("/actuator/health");
		assertThat(health.statusCode()).isIn(200, 503);
		assertThat(TestHttp.json(health).has("status")).isTrue();
		HttpResponse<byte[]> unknown = this.http.get("/actuator/none");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(TestHttp.json(unknown).has("errorType")).isFalse();
		assertThat(TestHttp.text(this.http.get("/"))).isEqualTo("ok");
	}

}
