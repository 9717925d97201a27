package io.functionruntime.internal.invoke;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline timer fires each call once, at or after its deadline, whatever order the
 * calls come in: a call due earlier than the one the thread sleeps for wakes it, a removed
 * call never fires, and a call after a quiet spell wakes the idle thread.
 */
class DeadlineTimerTests {

	private final BlockingQueue<Call> fired = new LinkedBlockingQueue<>();

	private final DeadlineTimer<Call> timer = new DeadlineTimer<>("test-deadline", this::fire);

	@AfterEach
	void close() {
		this.timer.close();
	}

	@Test
	void callDueEarlierThanTheOneWaitedForFiresFirst() throws InterruptedException {
		Call late = Call.in(Duration.ofHours(1));
		this.timer.add(late);
		Call soon = Call.in(Duration.ofMillis(20));
		this.timer.add(soon);
		assertThat(this.fired.poll(30, TimeUnit.SECONDS)).isSameAs(soon);
		assertThat(soon.firedAtNanos - soon.deadlineNanos()).isGreaterThanOrEqualTo(0);
		assertThat(this.timer.waiting().toList()).containsExactly(late);
	}

	@Test
	void removedCallNeverFires() throws InterruptedException {
		Call removed = Call.in(Duration.ofMillis(10));
		this.timer.add(removed);
		this.timer.remove(removed);
		Call marker = Call.in(Duration.ofMillis(40));
		this.timer.add(marker);
		assertThat(this.fired.poll(30, TimeUnit.SECONDS)).isSameAs(marker);
		assertThat(this.fired).isEmpty();
	}

	@Test
	void callAfterTheTimerWentIdleFires() throws InterruptedException {
		Call first = Call.in(Duration.ofMillis(5));
		this.timer.add(first);
		assertThat(this.fired.poll(30, TimeUnit.SECONDS)).isSameAs(first);
		assertThat(this.timer.waiting().toList()).isEmpty();
		Call second = Call.in(Duration.ofMillis(5));
		this.timer.add(second);
		assertThat(this.fired.poll(30, TimeUnit.SECONDS)).isSameAs(second);
	}

	@Test
	void manyCallsEachFireOnce() throws InterruptedException {
		List<Call> calls = IntStream.range(0, 200)
			.mapToObj((i) -> Call.in(Duration.ofMillis(i % 7)))
			.toList();
		calls.forEach(this.timer::add);
		for (int i = 0; i < calls.size(); i++) {
			assertThat(this.fired.poll(30, TimeUnit.SECONDS)).isNotNull();
		}
		assertThat(calls).allSatisfy((call) -> assertThat(call.fires).isEqualTo(1));
	}

	private void fire(Call call) {
		call.firedAtNanos = System.nanoTime();
		call.fires++;
		this.fired.add(call);
	}

	private static final class Call implements DeadlineTimer.Timed {

		private final long deadlineNanos;

		private volatile long firedAtNanos;

		private volatile int fires;

		private Call(long deadlineNanos) {
			this.deadlineNanos = deadlineNanos;
		}

		static Call in(Duration duration) {
			return new Call(System.nanoTime() + duration.toNanos());
		}

		@Override
		public long deadlineNanos() {
			return this.deadlineNanos;
		}

	}

}
