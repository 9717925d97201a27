package io.functionruntime.pool;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import io.functionruntime.invoke.FunctionInvoker;
import io.functionruntime.invoke.PoolState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances, permits, queueing and deadlines (SPEC §8), over HTTP. Timings are generous
 * and relative: the machines are shared.
 */
@SpringBootTest(classes = PoolFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("pool")
@Import(TestHttpConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class InstancePoolTests {

	@Autowired
	TestHttp http;

	@Autowired
	FunctionInvoker invoker;

	ExecutorService clients;

	@BeforeEach
	void client() {
		this.clients = Executors.newCachedThreadPool();
	}

	@AfterEach
	void stopClients() {
		this.clients.shutdownNow();
	}

	private CompletableFuture<Timed> callAsync(String path) {
		return CompletableFuture.supplyAsync(() -> call(path), this.clients);
	}

	private Timed call(String path) {
		long start = System.nanoTime();
		HttpResponse<byte[]> response = this.http.get(path);
		return new Timed(response, (System.nanoTime() - start) / 1_000_000);
	}

	record Timed(HttpResponse<byte[]> response, long millis) {

		int status() {
			return this.response.statusCode();
		}

		String body() {
			return TestHttp.text(this.response);
		}

		String errorType() {
			return TestHttp.json(this.response).get("errorType").asString();
		}

	}

	@Test
	void callsQueueForOneInstanceAndRunOneAfterAnother() {
		int calls = 5;
		long start = System.nanoTime();
		List<CompletableFuture<Timed>> pending = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			pending.add(callAsync("/queue.sleep?ms=200"));
		}
		List<Timed> answers = pending.stream().map(CompletableFuture::join).toList();
		long total = (System.nanoTime() - start) / 1_000_000;
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(200));
		assertThat(total).isGreaterThanOrEqualTo(calls * 200 - 50).isLessThan(calls * 200 * 4);
		assertThat(answers.stream().mapToLong(Timed::millis).max().orElseThrow()).isGreaterThanOrEqualTo(calls * 200 - 50);
	}

	@Test
	void callsOverTheRequestsLimitAre429AtOnce() {
		List<CompletableFuture<Timed>> pending = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			pending.add(callAsync("/limited.sleep?ms=800"));
		}
		List<Timed> answers = pending.stream().map(CompletableFuture::join).toList();
		assertThat(answers.stream().filter((answer) -> answer.status() == 200)).hasSize(2);
		List<Timed> refused = answers.stream().filter((answer) -> answer.status() == 429).toList();
		assertThat(refused).hasSize(4).allSatisfy((answer) -> {
			assertThat(answer.errorType()).isEqualTo("TooManyRequests");
			assertThat(answer.millis()).isLessThan(600);
		});
	}

	@Test
	void callStillQueuedAtItsDeadlineIs429AndAStuckCallBlocksOnlyItsOwnCapacity() throws Exception {
		CompletableFuture<Timed> stuck = callAsync("/stubborn.single?ms=1500");
		Thread.sleep(50);
		Timed queued = call("/stubborn.single");
		assertThat(stuck.join().status()).isEqualTo(504);
		assertThat(queued.status()).isEqualTo(429);
		assertThat(queued.errorType()).isEqualTo("TooManyRequests");
		assertThat(queued.millis()).isLessThan(1200);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(call("/stubborn.single").status()).isEqualTo(200));
	}

	@Test
	void timeoutAnswers504AtTheDeadlineAndTheNextCallRunsOnAFreshInstance() {
		String first = call("/stubborn.sleep").body();
		Timed timedOut = call("/stubborn.sleep?ms=1500");
		assertThat(timedOut.status()).isEqualTo(504);
		assertThat(timedOut.errorType()).isEqualTo("TimeoutError");
		assertThat(timedOut.millis()).isLessThan(1200);
		Timed next = call("/stubborn.sleep");
		assertThat(next.status()).isEqualTo(200);
		assertThat(next.body()).isNotEqualTo(first);
		assertThat(next.millis()).isLessThan(1000);
	}

	@Test
	void asyncTimeoutAnswers504AndCancelsTheFuture() {
		int cancelledBefore = PoolFunctions.asyncCancelled.get();
		Timed timedOut = call("/async.slow?ms=3000");
		assertThat(timedOut.status()).isEqualTo(504);
		assertThat(timedOut.millis()).isLessThan(2000);
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(PoolFunctions.asyncCancelled.get()).isEqualTo(cancelledBefore + 1));
		assertThat(call("/async.slow?ms=10").status()).isEqualTo(200);
	}

	@Test
	void errorRetiresTheInstance() {
		String before = call("/fragile.handler").body();
		Timed failed = call("/fragile.handler?error=1");
		assertThat(failed.status()).isEqualTo(502);
		assertThat(failed.errorType()).isEqualTo("AssertionError");
		String after = call("/fragile.handler").body();
		assertThat(after).isNotEqualTo(before);
	}

	@Test
	void timeoutOfOneCallAbortsEveryCallOnItsInstance() throws Exception {
		CompletableFuture<Timed> slow = callAsync("/shared.handler?ms=5000");
		Thread.sleep(300);
		Timed neighbour = call("/shared.handler?ms=900");
		assertThat(slow.join().status()).isEqualTo(504);
		assertThat(neighbour.status()).isEqualTo(504);
		assertThat(neighbour.errorType()).isEqualTo("TimeoutError");
		assertThat(neighbour.millis()).isLessThan(900);
	}

	@Test
	void instanceWithConcurrencyServesSeveralCallsAtOnce() {
		List<CompletableFuture<Timed>> pending = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			pending.add(callAsync("/shared.handler?ms=300"));
		}
		List<Timed> answers = pending.stream().map(CompletableFuture::join).toList();
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(200));
		assertThat(answers.stream().mapToInt((answer) -> Integer.parseInt(answer.body())).max().orElseThrow())
			.isGreaterThan(1).isLessThanOrEqualTo(4);
	}

	@Test
	void remainingTimeCountsDown() {
		String[] remaining = call("/remaining.handler").body().split(",");
		long before = Long.parseLong(remaining[0]);
		long after = Long.parseLong(remaining[1]);
		assertThat(before).isLessThanOrEqualTo(3000).isGreaterThan(after);
		assertThat(before - after).isGreaterThanOrEqualTo(90);
	}

	@Test
	void coldInstanceReportsItsInitDurationOnlyOnItsFirstCall(CapturedOutput output) {
		Timed first = call("/cold.handler");
		Timed second = call("/cold.handler");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(reportOf(output, first)).containsPattern("Function Init Duration: (\\d{2,})\\.\\d{3} ms$");
		assertThat(reportOf(output, second)).doesNotContain("Function Init Duration");
	}

	@Test
	void provisionedInstancesExistAfterStartupAndAreWarm(CapturedOutput output) {
		assertThat(this.invoker.state("warm.handler").live()).isEqualTo(2);
		assertThat(PoolFunctions.warmCreated.get()).isGreaterThanOrEqualTo(2);
		Timed first = call("/warm.handler");
		assertThat(first.status()).isEqualTo(200);
		assertThat(reportOf(output, first)).doesNotContain("Function Init Duration");
	}

	@Test
	void stateCountsARetiredInstanceUntilItsStuckCallEnds() {
		await().atMost(5, TimeUnit.SECONDS).until(() -> this.invoker.state("stubborn.single").inFlight() == 0);
		assertThat(call("/stubborn.single?ms=1200").status()).isEqualTo(504);
		PoolState stuck = this.invoker.state("stubborn.single");
		assertThat(stuck.retired()).isEqualTo(1);
		assertThat(stuck.inFlight()).isEqualTo(1);
		assertThat(stuck.live()).isZero();
		await().atMost(5, TimeUnit.SECONDS).until(() -> this.invoker.state("stubborn.single").retired() == 0);
		assertThat(this.invoker.state("stubborn.single").inFlight()).isZero();
	}

	private static String reportOf(CapturedOutput output, Timed call) {
		String requestId = call.response().headers().firstValue("X-Request-Id").orElseThrow();
		await().atMost(1, TimeUnit.SECONDS).until(() -> output.getOut().contains("REPORT RequestID: " + requestId));
		return output.getOut()
			.lines()
			.filter((line) -> line.contains("REPORT RequestID: " + requestId))
			.findFirst()
			.orElseThrow();
	}

}
