package io.functionruntime.pool;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.functionruntime.http.Gate;
import io.functionruntime.http.TestHttp;
import io.functionruntime.internal.invoke.FunctionInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Shutting down while calls are in flight: running calls complete, calls in line get a
 * clear error at once (while the running call is still in its handler), later calls are
 * not taken, and calls that outlive the grace period are answered before the server stops.
 */
@ExtendWith(OutputCaptureExtension.class)
class GracefulShutdownTests {

	/** A safety net for waits on the runtime, not a measurement. */
	private static final Duration PATIENCE = Duration.ofSeconds(Gate.PATIENCE_SECONDS);

	@Test
	void stoppedRuntimeTurnsCallsAwayAndTakesThemAgainWhenRestarted() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PoolFunctions.class).profiles("pool")
			.properties("server.port=0")
			.run()) {
			TestHttp http = new TestHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
			FunctionInvoker invoker = app.getBean(FunctionInvoker.class);
			invoker.stop();
			assertThat(invoker.isRunning()).isFalse();
			assertThat(http.get("/queue.gated").statusCode()).isEqualTo(503);
			invoker.start();
			assertThat(http.get("/queue.gated").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void runningCallsCompleteAndQueuedCallsAreTurnedAwayWhenTheAppStops() throws Exception {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(PoolFunctions.class).profiles("pool")
			.properties("server.port=0")
			.run();
		TestHttp http = new TestHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
		FunctionInvoker invoker = app.getBean(FunctionInvoker.class);
		Gate inside = Gate.open();
		try {
			CompletableFuture<HttpResponse<byte[]>> running = CompletableFuture
				.supplyAsync(() -> http.get("/queue.gated?" + inside.query()));
			inside.awaitEntered();
			CompletableFuture<HttpResponse<byte[]>> queued = CompletableFuture
				.supplyAsync(() -> http.get("/queue.gated"));
			await().atMost(PATIENCE).until(() -> invoker.state("queue.gated").queued() == 1);
			CompletableFuture<Void> closed = CompletableFuture.runAsync(app::close);

			HttpResponse<byte[]> turnedAway = queued.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			assertThat(turnedAway.statusCode()).isEqualTo(503);
			assertThat(TestHttp.json(turnedAway).get("errorType").asString()).isEqualTo("ServiceUnavailable");
			assertThat(inside.hasLeft()).as("turned away while the running call was still in the handler").isFalse();
			assertThat(running).isNotDone();

			inside.release();
			HttpResponse<byte[]> completed = running.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			assertThat(completed.statusCode()).isEqualTo(200);
			assertThat(TestHttp.text(completed)).isEqualTo("released");

			closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			assertThatException().isThrownBy(() -> http.get("/queue.gated"));
		}
		finally {
			inside.release();
			app.close();
		}
	}

	@Test
	void callThatOutlivesTheGracePeriodIsAnswered503AndItsHandlerInterrupted(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(PoolFunctions.class).profiles("pool")
			.properties("server.port=0", "spring.lifecycle.timeout-per-shutdown-phase=1s",
					"function-runtime.functions[queue.gated].timeout=10m")
			.run();
		TestHttp http = new TestHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
		Gate inside = Gate.open();
		try {
			CompletableFuture<HttpResponse<byte[]>> running = CompletableFuture
				.supplyAsync(() -> http.get("/queue.gated?" + inside.query()));
			inside.awaitEntered();
			CompletableFuture<Void> closed = CompletableFuture.runAsync(app::close);

			HttpResponse<byte[]> answered = running.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			assertThat(answered.statusCode()).isEqualTo(503);
			assertThat(answered.headers().firstValue("Content-Type")).hasValue("application/json");
			String requestId = answered.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(TestHttp.json(answered).get("errorType").asString()).isEqualTo("ServiceUnavailable");
			assertThat(TestHttp.json(answered).get("errorMessage").asString()).isEqualTo(
					"The function runtime is shutting down and the call did not end within the shutdown grace period");
			inside.awaitLeft();
			assertThat(inside.wasInterrupted()).isTrue();
			assertThat(inside.isReleased()).isFalse();
			closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			assertThat(output.getOut()).contains("END RequestID: " + requestId,
					"REPORT RequestID: " + requestId + " Duration: ");
		}
		finally {
			inside.release();
			app.close();
		}
	}

	@Test
	void callsSharingAnInstanceAreAllAnswered503WhenTheGracePeriodEnds() throws Exception {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(PoolFunctions.class).profiles("pool")
			.properties("server.port=0", "spring.lifecycle.timeout-per-shutdown-phase=1s",
					"function-runtime.functions[shared.handler].timeout=10m")
			.run();
		TestHttp http = new TestHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
		Gate first = Gate.open();
		Gate second = Gate.open();
		try {
			CompletableFuture<HttpResponse<byte[]>> firstCall = CompletableFuture
				.supplyAsync(() -> http.get("/shared.handler?" + first.query()));
			CompletableFuture<HttpResponse<byte[]>> secondCall = CompletableFuture
				.supplyAsync(() -> http.get("/shared.handler?" + second.query()));
			first.awaitEntered();
			second.awaitEntered();
			CompletableFuture<Void> closed = CompletableFuture.runAsync(app::close);

			assertThat(firstCall.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(503);
			assertThat(secondCall.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).statusCode()).isEqualTo(503);
			first.awaitLeft();
			second.awaitLeft();
			assertThat(first.wasInterrupted()).isTrue();
			assertThat(second.wasInterrupted()).isTrue();
			closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		finally {
			first.release();
			second.release();
			app.close();
		}
	}

}
