package io.functionruntime.actuate;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.functionruntime.http.Gate;
import io.functionruntime.http.TestHttp;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.registry.FunctionDefinition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics of every function, read over HTTP from {@code /actuator/metrics} as a user
 * would: the invocation timer by outcome, the queue and init timers, the instance gauges.
 * Counts are compared before and after, since the tests share one application.
 */
@OpsTest
class FunctionMetricsTests {

	@Autowired
	TestHttp http;

	@Autowired
	FunctionInvoker invoker;

	@Autowired
	FunctionRegistry registry;


	@Test
	void successfulCallIsCountedAsSuccess() {
		assertCounted("/ok.handler", 200, "ok.handler", "success");
	}

	@Test
	void failingHandlerIsCountedAsErrorWithItsException() {
		double before = count("function.invocations", "function:fail.handler", "error:IllegalStateException");
		assertCounted("/fail.handler", 502, "fail.handler", "error");
		assertThat(count("function.invocations", "function:fail.handler", "error:IllegalStateException"))
			.isEqualTo(before + 1);
	}

	@Test
	void timedOutCallIsCountedAsTimeout() {
		assertCounted("/slow.handler", 504, "slow.handler", "timeout");
	}

	@Test
	void malformedResponseIsCountedAsMalformed() {
		assertCounted("/malformed.handler", 502, "malformed.handler", "malformed");
	}

	@Test
	void refusedCallIsCountedAsThrottled() throws Exception {
		double before = count("function.invocations", "function:busy.handler", "outcome:throttled");
		Gate inside = Gate.open();
		CompletableFuture<HttpResponse<byte[]>> running = CompletableFuture
			.supplyAsync(() -> this.http.get("/busy.handler?" + inside.query()));
		try {
			inside.awaitEntered();
			await().untilAsserted(() -> assertThat(gauge("function.instances", "function:busy.handler", "state:busy"))
				.isEqualTo(1));
			assertThat(this.http.get("/busy.handler").statusCode()).isEqualTo(429);
			assertThat(running).as("refused while the first call was still in the handler").isNotDone();
		}
		finally {
			inside.release();
		}
		assertThat(running.get().statusCode()).isEqualTo(200);
		await().untilAsserted(() -> assertThat(count("function.invocations", "function:busy.handler",
				"outcome:throttled")).isEqualTo(before + 1));
	}

	@Test
	void callTurnedAwayAtShutdownIsCountedAsUnavailable() {
		double before = count("function.invocations", "function:ok.handler", "outcome:unavailable");
		this.invoker.stop();
		try {
			assertThat(this.http.get("/ok.handler").statusCode()).isEqualTo(503);
		}
		finally {
			this.invoker.start();
		}
		await().untilAsserted(() -> assertThat(count("function.invocations", "function:ok.handler",
				"outcome:unavailable")).isEqualTo(before + 1));
	}

	@Test
	void queueWaitIsTimedForEveryCallAndInitOnceForTheColdStart() {
		double before = count("function.queue.wait", "function:ok.handler");
		assertThat(this.http.get("/ok.handler").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/ok.handler").statusCode()).isEqualTo(200);
		await().untilAsserted(
				() -> assertThat(count("function.queue.wait", "function:ok.handler")).isEqualTo(before + 2));
		assertThat(count("function.init", "function:ok.handler")).isEqualTo(1);
	}

	@Test
	void gaugesCountInstancesByStateAndQueuedCalls() {
		assertThat(this.http.get("/ok.handler").statusCode()).isEqualTo(200);
		await().untilAsserted(() -> {
			assertThat(gauge("function.instances", "function:ok.handler", "state:idle")).isEqualTo(1);
			assertThat(gauge("function.instances", "function:ok.handler", "state:busy")).isZero();
			assertThat(gauge("function.instances", "function:ok.handler", "state:retired")).isZero();
			assertThat(gauge("function.queued", "function:ok.handler")).isZero();
		});
	}

	@Test
	void metricNamesListTheFunctionMetrics() {
		JsonNode names = TestHttp.json(this.http.get("/actuator/metrics")).get("names");
		assertThat(names.valueStream().map(JsonNode::asString)).contains("function.invocations",
				"function.invocations.active", "function.queue.wait", "function.init", "function.instances",
				"function.queued");
	}

	@Test
	void handlerRunsInsideTheCallsObservationOnTheRequestThread() {
		HttpResponse<byte[]> response = this.http.postJson("/observed.handler", "{}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("function.invocations observed.handler");
	}

	@Test
	void handlerRunsInsideTheCallsObservationOnADirectInvocation() {
		FunctionDefinition function = this.registry.find("observed.handler");
		InvocationResult result = this.invoker.invoke(function, Map.of(), "direct-call");
		assertThat(result).isInstanceOfSatisfying(InvocationResult.Success.class,
				(success) -> assertThat(success.value()).isEqualTo(Map.of("body", "function.invocations observed.handler")));
	}

	private void assertCounted(String path, int status, String function, String outcome) {
		double before = count("function.invocations", "function:" + function, "outcome:" + outcome);
		assertThat(this.http.get(path).statusCode()).isEqualTo(status);
		await().untilAsserted(() -> assertThat(count("function.invocations", "function:" + function,
				"outcome:" + outcome)).isEqualTo(before + 1));
	}

	/** The COUNT of a timer, 0 when no meter has those tags yet. */
	private double count(String name, String... tags) {
		return statistic(name, "COUNT", tags);
	}

	private double gauge(String name, String... tags) {
		return statistic(name, "VALUE", tags);
	}

	private double statistic(String name, String statistic, String... tags) {
		StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
		for (int i = 0; i < tags.length; i++) {
			path.append((i == 0) ? '?' : '&').append("tag=").append(tags[i]);
		}
		HttpResponse<byte[]> response = this.http.get(path.toString());
		if (response.statusCode() == 404) {
			return 0;
		}
		assertThat(response.statusCode()).isEqualTo(200);
		for (JsonNode measurement : TestHttp.json(response).get("measurements")) {
			if (measurement.get("statistic").asString().equals(statistic)) {
				return measurement.get("value").asDouble();
			}
		}
		throw new AssertionError("No " + statistic + " in " + TestHttp.text(response));
	}

}
