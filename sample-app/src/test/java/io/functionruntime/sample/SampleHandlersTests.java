package io.functionruntime.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.functionruntime.test.AutoConfigureFunctionTestClient;
import io.functionruntime.test.FunctionResult;
import io.functionruntime.test.FunctionTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's other handlers do what the README says they do. The calls go to the runtime
 * in-process, with the event, instances, deadlines and response of an HTTP call: add
 * {@code webEnvironment = RANDOM_PORT} to make the same calls over HTTP.
 */
@SpringBootTest
@AutoConfigureFunctionTestClient
class SampleHandlersTests {

	@Autowired
	FunctionTestClient functions;

	@Test
	void mirrorReturnsTheJsonItIsSentAsTheResponse() {
		FunctionResult result = this.functions.call("mirror.handler")
			.jsonBody(Map.of("statusCode", 418, "headers", Map.of("X-Tea", "yes"), "body", "teapot"))
			.send();
		assertThat(result.status()).isEqualTo(418);
		assertThat(result.header("X-Tea")).isEqualTo("yes");
		assertThat(result.bodyText()).isEqualTo("teapot");
	}

	@Test
	void mirrorDecodesBase64BodiesFirst() {
		FunctionResult result = this.functions.call("mirror.handler").body("{\"body\": \"plain\"}", "text/plain").send();
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.bodyText()).isEqualTo("plain");
	}

	@Test
	void mirrorOfANonObjectIsMalformed() {
		for (String json : new String[] { "\"text\"", "[1]", "7" }) {
			FunctionResult result = this.functions.call("mirror.handler").jsonBody(json).send();
			assertThat(result.status()).isEqualTo(502);
			assertThat(result.error().errorType()).isEqualTo("ProxyIntegrationError");
			assertThat(result.error().payload()).isEqualTo(json);
		}
	}

	@Test
	void errorsFailsWithTheGivenMessage() {
		FunctionResult result = this.functions.call("errors.handler").send();
		assertThat(result.status()).isEqualTo(502);
		assertThat(result.isFunctionError()).isTrue();
		assertThat(result.error().errorType()).isEqualTo("IllegalStateException");
		assertThat(result.error().errorMessage()).isEqualTo("boom");
		assertThat(this.functions.call("errors.handler").query("message", "bad day").send().error().errorMessage())
			.isEqualTo("bad day");
	}

	@Test
	void asyncCompletesLikeMirrorOrFails() {
		FunctionResult ok = this.functions.call("async.handler")
			.query("ms", "20")
			.jsonBody(Map.of("statusCode", 201, "body", "later"))
			.send();
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.bodyText()).isEqualTo("later");
		FunctionResult failed = this.functions.call("async.handler").query("fail", "1").jsonBody(Map.of()).send();
		assertThat(failed.status()).isEqualTo(502);
		assertThat(failed.error().errorType()).isEqualTo("IllegalArgumentException");
		assertThat(failed.error().errorMessage()).isEqualTo("async failure");
	}

	@Test
	void sleepReportsItsInstanceAndOneCallAtATime() {
		FunctionResult result = this.functions.call("sleep.handler").query("ms", "10").send();
		assertThat(result.status()).isEqualTo(200);
		JsonNode body = result.json();
		assertThat(body.get("slept").asLong()).isEqualTo(10);
		assertThat(body.get("instance").asString()).isNotEmpty();
		assertThat(body.get("maxConcurrent").asInt()).isEqualTo(1);
	}

	@Test
	void sleepPastItsTwoSecondTimeoutIs504() {
		FunctionResult result = this.functions.call("sleep.handler").query("ms", "5000").send();
		assertThat(result.status()).isEqualTo(504);
		assertThat(result.error().errorType()).isEqualTo("TimeoutError");
	}

	@Test
	void counterCountsTheCallsOfEachInstanceWithoutLosingOne() {
		Map<String, List<Integer>> countsByInstance = new LinkedHashMap<>();
		for (int i = 0; i < 5; i++) {
			JsonNode body = this.functions.call("counter.handler").send().json();
			countsByInstance.computeIfAbsent(body.get("instance").asString(), (instance) -> new ArrayList<>())
				.add(body.get("count").asInt());
		}
		assertThat(countsByInstance.values()).allSatisfy((counts) -> assertThat(counts)
			.isEqualTo(IntStream.range(counts.get(0), counts.get(0) + counts.size()).boxed().toList()));
	}

}
