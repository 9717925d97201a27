package io.functionruntime.pool;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.functionruntime.http.TestHttp;
import io.functionruntime.invoke.FunctionInvoker;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Shutting down while calls are in flight: running calls complete, calls in line get a
 * clear error at once, later calls are not taken.
 */
class GracefulShutdownTests {

	@Test
	void stoppedRuntimeTurnsCallsAwayAndTakesThemAgainWhenRestarted() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PoolFunctions.class).profiles("pool")
			.properties("server.port=0")
			.run()) {
			TestHttp http = new TestHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
			FunctionInvoker invoker = app.getBean(FunctionInvoker.class);
			invoker.stop();
			assertThat(invoker.isRunning()).isFalse();
			assertThat(http.get("/queue.sleep?ms=1").statusCode()).isEqualTo(503);
			invoker.start();
			assertThat(http.get("/queue.sleep?ms=1").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void runningCallsCompleteAndQueuedCallsAreTurnedAwayWhenTheAppStops() throws Exception {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(PoolFunctions.class).profiles("pool")
			.properties("server.port=0")
			.run();
		TestHttp http = new TestHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
		CompletableFuture<HttpResponse<byte[]>> running = CompletableFuture
			.supplyAsync(() -> http.get("/queue.sleep?ms=1000"));
		Thread.sleep(200);
		CompletableFuture<HttpResponse<byte[]>> queued = CompletableFuture
			.supplyAsync(() -> http.get("/queue.sleep?ms=10"));
		Thread.sleep(200);
		long closing = System.nanoTime();
		CompletableFuture<Void> closed = CompletableFuture.runAsync(app::close);

		HttpResponse<byte[]> turnedAway = queued.get(5, TimeUnit.SECONDS);
		assertThat(turnedAway.statusCode()).isEqualTo(503);
		assertThat(TestHttp.json(turnedAway).get("errorType").asString()).isEqualTo("ServiceUnavailable");
		assertThat((System.nanoTime() - closing) / 1_000_000).isLessThan(700);

		HttpResponse<byte[]> completed = running.get(10, TimeUnit.SECONDS);
		assertThat(completed.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(completed)).isEqualTo("slept");

		closed.get(10, TimeUnit.SECONDS);
		assertThatException().isThrownBy(() -> http.get("/queue.sleep?ms=1"));
	}

}
