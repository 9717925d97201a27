package io.functionruntime.pool;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import io.functionruntime.http.Gate;
import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.invoke.PoolState;
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
 * Instances, permits, queueing and deadlines (SPEC §8), over HTTP. No test sleeps to order
 * its calls or bounds how long a call took: calls that must stay in a handler wait in a
 * {@link Gate}, so the test knows they are in before it sends the next one, and proves
 * "answered at once" by what was still blocked when the answer came.
 */
@SpringBootTest(classes = PoolFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("pool")
@Import(TestHttpConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class InstancePoolTests {

	/** A safety net for waits on the runtime, not a measurement. */
	private static final Duration PATIENCE = Duration.ofSeconds(Gate.PATIENCE_SECONDS);

	@Autowired
	TestHttp http;

	@Autowired
	FunctionInvoker invoker;

	@Autowired
	PoolFunctions.Gated gated;

	@Autowired
	PoolFunctions.Shared shared;

	ExecutorService clients;

	@BeforeEach
	void client() {
		this.clients = Executors.newCachedThreadPool();
	}

	@AfterEach
	void stopClients() {
		Gate.releaseAll();
		this.clients.shutdownNow();
	}

	private CompletableFuture<Answer> callAsync(String path) {
		return CompletableFuture.supplyAsync(() -> call(path), this.clients);
	}

	private Answer call(String path) {
		return new Answer(this.http.get(path));
	}

	record Answer(HttpResponse<byte[]> response) {

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
		List<Gate> gates = Stream.generate(Gate::open).limit(calls).toList();
		List<CompletableFuture<Answer>> pending = new ArrayList<>();
		pending.add(callAsync("/queue.gated?" + gates.get(0).query()));
		gates.get(0).awaitEntered();
		for (Gate gate : gates.subList(1, calls)) {
			pending.add(callAsync("/queue.gated?" + gate.query()));
		}
		await().atMost(PATIENCE).until(() -> this.invoker.state("queue.gated").queued() == calls - 1);
		assertThat(gates.stream().filter(Gate::hasEntered)).as("calls inside the handler while the rest queue")
			.containsExactly(gates.get(0));
		gates.forEach(Gate::release);
		List<Answer> answers = pending.stream().map(CompletableFuture::join).toList();
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(200));
		assertThat(gates).allSatisfy((gate) -> assertThat(gate.hasLeft()).isTrue());
		assertThat(this.gated.queueMaxRunning.get()).as("calls inside the handler at once").isEqualTo(1);
	}

	@Test
	void callsOverTheRequestsLimitAre429AtOnce() {
		Gate first = Gate.open();
		Gate second = Gate.open();
		CompletableFuture<Answer> running = callAsync("/limited.gated?" + first.query());
		first.awaitEntered();
		CompletableFuture<Answer> queued = callAsync("/limited.gated?" + second.query());
		await().atMost(PATIENCE).until(() -> this.invoker.state("limited.gated").queued() == 1);
		List<CompletableFuture<Answer>> over = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			over.add(callAsync("/limited.gated"));
		}
		List<Answer> refused = over.stream().map(CompletableFuture::join).toList();
		assertThat(refused).hasSize(4).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(429);
			assertThat(answer.errorType()).isEqualTo("TooManyRequests");
		});
		assertThat(running).as("answered while the two admitted calls were still in").isNotDone();
		assertThat(queued).isNotDone();
		assertThat(first.hasLeft()).isFalse();
		first.release();
		second.release();
		assertThat(List.of(running.join(), queued.join()))
			.allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(200));
	}

	@Test
	void callStillQueuedAtItsDeadlineIs429AndAStuckCallBlocksOnlyItsOwnCapacity() {
		Gate stuck = Gate.open();
		CompletableFuture<Answer> stuckCall = callAsync("/stubborn.single?" + stuck.query());
		stuck.awaitEntered();
		Answer queued = call("/stubborn.single");
		assertThat(stuckCall.join().status()).isEqualTo(504);
		assertThat(queued.status()).isEqualTo(429);
		assertThat(queued.errorType()).isEqualTo("TooManyRequests");
		assertThat(stuck.hasLeft()).as("both answered while the stuck call was still in the handler").isFalse();
		stuck.release();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(call("/stubborn.single").status()).isEqualTo(200));
	}

	@Test
	void timeoutAnswers504AtTheDeadlineAndTheNextCallRunsOnAFreshInstance() {
		String first = call("/stubborn.gated").body();
		Gate stuck = Gate.open();
		Answer timedOut = call("/stubborn.gated?" + stuck.query());
		assertThat(timedOut.status()).isEqualTo(504);
		assertThat(timedOut.errorType()).isEqualTo("TimeoutError");
		assertThat(stuck.hasEntered()).isTrue();
		assertThat(stuck.hasLeft()).as("answered while the handler was still blocked").isFalse();
		Answer next = call("/stubborn.gated");
		assertThat(next.status()).isEqualTo(200);
		assertThat(next.body()).isNotEqualTo(first);
		assertThat(stuck.hasLeft()).as("the next call did not wait for the stuck one").isFalse();
	}

	@Test
	void asyncTimeoutAnswers504AndCancelsTheFuture() {
		int cancelledBefore = PoolFunctions.asyncCancelled.get();
		Answer timedOut = call("/async.slow?never");
		assertThat(timedOut.status()).isEqualTo(504);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(PoolFunctions.asyncCancelled.get()).isEqualTo(cancelledBefore + 1));
		assertThat(call("/async.slow").status()).isEqualTo(200);
	}

	@Test
	void errorRetiresTheInstance() {
		String before = call("/fragile.handler").body();
		Answer failed = call("/fragile.handler?error=1");
		assertThat(failed.status()).isEqualTo(502);
		assertThat(failed.errorType()).isEqualTo("AssertionError");
		String after = call("/fragile.handler").body();
		assertThat(after).isNotEqualTo(before);
	}

	@Test
	void timeoutOfOneCallAbortsEveryCallOnItsInstance() {
		Gate slow = Gate.open();
		Gate neighbour = Gate.open();
		CompletableFuture<Answer> slowCall = callAsync("/shared.handler?" + slow.query());
		slow.awaitEntered();
		// The neighbour arrives once half of the slow call's 2 s have passed, so that its
		// own deadline is a second after the slow call's
		await().atMost(PATIENCE).until(() -> slow.remainingTime() <= 1000);
		CompletableFuture<Answer> neighbourCall = callAsync("/shared.handler?" + neighbour.query());
		neighbour.awaitEntered();
		assertThat(slowCall.join().status()).isEqualTo(504);
		Answer answer = neighbourCall.join();
		assertThat(answer.status()).isEqualTo(504);
		assertThat(answer.errorType()).isEqualTo("TimeoutError");
		neighbour.awaitLeft();
		assertThat(neighbour.wasInterrupted()).isTrue();
		assertThat(neighbour.remainingWhenInterrupted()).as("time left to the neighbour when it was aborted")
			.isPositive();
	}

	@Test
	void instanceWithConcurrencyServesSeveralCallsAtOnce() {
		List<Gate> gates = Stream.generate(Gate::open).limit(4).toList();
		List<CompletableFuture<Answer>> pending = new ArrayList<>();
		for (Gate gate : gates) {
			pending.add(callAsync("/shared.handler?" + gate.query()));
		}
		gates.forEach(Gate::awaitEntered);
		assertThat(this.shared.running.get()).as("calls inside the one instance at once").isEqualTo(4);
		gates.forEach(Gate::release);
		List<Answer> answers = pending.stream().map(CompletableFuture::join).toList();
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(200));
		assertThat(answers.stream().mapToInt((answer) -> Integer.parseInt(answer.body())).max().orElseThrow())
			.isGreaterThan(1).isLessThanOrEqualTo(4);
		assertThat(this.invoker.state("shared.handler").live()).isEqualTo(1);
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
		Answer first = call("/cold.handler");
		Answer second = call("/cold.handler");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(reportOf(output, first)).containsPattern("Function Init Duration: (\\d{2,})\\.\\d{3} ms$");
		assertThat(reportOf(output, second)).doesNotContain("Function Init Duration");
	}

	@Test
	void provisionedInstancesExistAfterStartupAndAreWarm(CapturedOutput output) {
		assertThat(this.invoker.state("warm.handler").live()).isEqualTo(2);
		assertThat(PoolFunctions.warmCreated.get()).isGreaterThanOrEqualTo(2);
		Answer first = call("/warm.handler");
		assertThat(first.status()).isEqualTo(200);
		assertThat(reportOf(output, first)).doesNotContain("Function Init Duration");
	}

	@Test
	void stateCountsARetiredInstanceUntilItsStuckCallEnds() {
		await().atMost(PATIENCE).until(() -> this.invoker.state("stubborn.single").inFlight() == 0);
		Gate gate = Gate.open();
		assertThat(call("/stubborn.single?" + gate.query()).status()).isEqualTo(504);
		PoolState stuck = this.invoker.state("stubborn.single");
		assertThat(gate.hasLeft()).as("the call is still stuck in the handler").isFalse();
		assertThat(stuck.retired()).isEqualTo(1);
		assertThat(stuck.inFlight()).isEqualTo(1);
		assertThat(stuck.live()).isZero();
		gate.release();
		await().atMost(PATIENCE).until(() -> this.invoker.state("stubborn.single").retired() == 0);
		assertThat(this.invoker.state("stubborn.single").inFlight()).isZero();
	}

	private static String reportOf(CapturedOutput output, Answer call) {
		String requestId = call.response().headers().firstValue("X-Request-Id").orElseThrow();
		await().atMost(PATIENCE).until(() -> output.getOut().contains("REPORT RequestID: " + requestId));
		return output.getOut()
			.lines()
			.filter((line) -> line.contains("REPORT RequestID: " + requestId))
			.findFirst()
			.orElseThrow();
	}

}
