package io.functionruntime.internal.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The writer of the router's lines: at once on the caller's thread when nothing else is
 * written, otherwise on its background thread; order, MDC, no line lost, room for callers
 * when it falls behind, and what is left at close.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BackgroundLogWriterTests {

	private BackgroundLogWriter writer;

	private Thread holder;

	@AfterEach
	void close() throws InterruptedException {
		MDC.clear();
		if (this.writer != null) {
			this.writer.close();
		}
	}

	@Test
	void writesEveryLineInTheOrderOfEachCallerWithTheCallersMdcAlsoWhenCallersMustHelp() throws Exception {
		this.writer = new BackgroundLogWriter("test-log", 64);
		List<Written> written = Collections.synchronizedList(new ArrayList<>());
		int callers = 4;
		int linesEach = 2_000;
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < callers; c++) {
			String caller = "caller-" + c;
			threads.add(start(() -> {
				MDC.put(InvocationMdc.REQUEST_ID, caller);
				for (int i = 0; i < linesEach; i++) {
					int number = i;
					this.writer.execute(() -> written.add(new Written(caller, number,
							MDC.get(InvocationMdc.REQUEST_ID), Thread.currentThread().getName())));
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		this.writer.close();

		assertThat(written).hasSize(callers * linesEach);
		assertThat(written).allSatisfy((line) -> assertThat(line.mdcRequestId()).isEqualTo(line.caller()));
		for (int c = 0; c < callers; c++) {
			String caller = "caller-" + c;
			assertThat(written.stream().filter((line) -> line.caller().equals(caller)).map(Written::number))
				.isSorted()
				.hasSize(linesEach);
		}
	}

	@Test
	void aLineIsWrittenAtOnceOnTheCallersThreadWithItsMdcWhenNothingElseIsWritten() throws Exception {
		this.writer = new BackgroundLogWriter("test-log", 1_000);
		MDC.put(InvocationMdc.REQUEST_ID, "r1");
		List<String> written = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			this.writer.execute(() -> written.add(Thread.currentThread().getName() + " " + MDC.get("requestId")));
		}

		assertThat(written).as("written before execute returned")
			.containsOnly(Thread.currentThread().getName() + " r1")
			.hasSize(3);
	}

	@Test
	void whileAnotherThreadWritesLinesAreHandedToTheBackgroundThread() throws Exception {
		this.writer = new BackgroundLogWriter("test-log", 1_000);
		CountDownLatch release = holdWriting();
		List<String> threads = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 100; i++) {
			this.writer.execute(() -> threads.add(Thread.currentThread().getName()));
		}
		assertThat(threads).as("nothing written while another thread writes").isEmpty();
		release.countDown();
		this.writer.close();

		assertThat(threads).hasSize(100).containsOnly("test-log");
	}

	@Test
	void whenTheQueueIsFullACallerWritesTheOldestLinesItselfInOrder() throws Exception {
		this.writer = new BackgroundLogWriter("test-log", 4, false);
		List<String> written = Collections.synchronizedList(new ArrayList<>());
		String caller = Thread.currentThread().getName();
		CountDownLatch release = holdWriting();
		for (int i = 0; i < 4; i++) {
			String line = "line " + i;
			this.writer.execute(() -> written.add(line + " by " + Thread.currentThread().getName()));
		}
		release.countDown();
		awaitWritingReleased();

		this.writer.execute(() -> written.add("line 4 by " + Thread.currentThread().getName()));

		assertThat(written).as("with no room and no background thread, the caller wrote the oldest lines")
			.isEqualTo(IntStream.range(0, 4).mapToObj((i) -> "line " + i + " by " + caller).toList());
		this.writer.close();
		assertThat(written).hasSize(5)
			.isEqualTo(IntStream.range(0, 5).mapToObj((i) -> "line " + i + " by " + caller).toList());
	}

	@Test
	void aCallerWaitsForRoomWhileAnotherThreadWritesAndNoLineIsDropped() throws Exception {
		this.writer = new BackgroundLogWriter("test-log", 2);
		AtomicInteger written = new AtomicInteger();
		CountDownLatch console = holdWriting(written::incrementAndGet);
		Thread caller = start(() -> {
			for (int i = 0; i < 5; i++) {
				this.writer.execute(written::incrementAndGet);
			}
		});

		caller.join(300);
		assertThat(caller.isAlive()).as("the caller waits while the queue is full").isTrue();
		console.countDown();
		caller.join(5_000);
		assertThat(caller.isAlive()).isFalse();
		this.writer.close();
		assertThat(written).hasValue(6);
	}

	@Test
	void aLineThatFailsDoesNotStopTheLinesAfterIt() throws Exception {
		this.writer = new BackgroundLogWriter("test-log", 8);
		List<String> written = Collections.synchronizedList(new ArrayList<>());
		this.writer.execute(() -> written.add("before"));
		this.writer.execute(() -> {
			throw new IllegalStateException("appender failed");
		});
		this.writer.execute(() -> written.add("after"));
		this.writer.close();

		assertThat(written).containsExactly("before", "after");
	}

	@Test
	void anIdleWriterWakesForTheNextLineHandedOver() throws Exception {
		this.writer = new BackgroundLogWriter("test-log", 8);
		for (int i = 0; i < 3; i++) {
			CountDownLatch release = holdWriting();
			CountDownLatch line = new CountDownLatch(1);
			List<String> by = Collections.synchronizedList(new ArrayList<>());
			this.writer.execute(() -> {
				by.add(Thread.currentThread().getName());
				line.countDown();
			});
			release.countDown();
			assertThat(line.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(by).containsExactly("test-log");
			Thread writer = thread("test-log");
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> writer.getState() == Thread.State.WAITING);
		}
	}

	/**
	 * Has another thread write a line that does not end until the returned latch is
	 * released, so that meanwhile every line is handed over.
	 */
	private CountDownLatch holdWriting() throws InterruptedException {
		return holdWriting(() -> {
		});
	}

	private CountDownLatch holdWriting(Runnable afterRelease) throws InterruptedException {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.holder = start(() -> this.writer.execute(() -> {
			writing.countDown();
			await(release);
			afterRelease.run();
		}));
		assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
		return release;
	}

	private void awaitWritingReleased() throws InterruptedException {
		this.holder.join(10_000);
		assertThat(this.holder.isAlive()).isFalse();
	}

	/** The writer's thread: it is idle when it waits with no timeout. */
	private static Thread thread(String name) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void afterCloseLinesAreWrittenOnTheCallersThreadAndItsMdcIsKept() throws Exception {
		this.writer = new BackgroundLogWriter("test-log", 8);
		this.writer.close();
		MDC.put(InvocationMdc.REQUEST_ID, "r1");
		List<String> threads = new ArrayList<>();
		this.writer.execute(() -> threads.add(Thread.currentThread().getName() + " " + MDC.get("requestId")));

		assertThat(threads).containsExactly(Thread.currentThread().getName() + " r1");
		assertThat(MDC.get(InvocationMdc.REQUEST_ID)).isEqualTo("r1");
	}

	@Test
	void aCapacityBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BackgroundLogWriter("test-log", 0))
			.withMessageContaining("capacity must be at least 1");
	}

	private static Thread start(Runnable task) {
		Thread thread = new Thread(task);
		thread.start();
		return thread;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Written(String caller, int number, String mdcRequestId, String thread) {
	}

}
