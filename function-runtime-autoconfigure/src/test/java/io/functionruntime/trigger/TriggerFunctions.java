package io.functionruntime.trigger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import io.functionruntime.TimerEvent;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The handlers the timers of the {@code trigger} profile call, each recording what it
 * received.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TriggerFunctions {

	@Bean
	Tick tick() {
		return new Tick();
	}

	@Bean
	Busy busy() {
		return new Busy();
	}

	@Bean
	Never never() {
		return new Never();
	}

	@Bean
	Flaky flaky() {
		return new Flaky();
	}

	@Bean
	Slow slow() {
		return new Slow();
	}

	/** Records every event as the tree it received. */
	static class Tick {

		final List<JsonNode> events = new CopyOnWriteArrayList<>();

		@FunctionHandler("tick.handler")
		void handler(JsonNode event) {
			this.events.add(event);
		}

	}

	/**
	 * Stays inside until the test releases it, longer than its timer's interval, and sees
	 * how many calls run inside it at once.
	 */
	static class Busy {

		final AtomicInteger calls = new AtomicInteger();

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger maxConcurrent = new AtomicInteger();

		private final AtomicInteger running = new AtomicInteger();

		@FunctionHandler("busy.handler")
		void handler(Map<String, Object> event) throws InterruptedException {
			this.maxConcurrent.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				this.calls.incrementAndGet();
				this.release.await();
			}
			finally {
				this.running.decrementAndGet();
			}
		}

	}

	/** Belongs to a disabled timer. */
	static class Never {

		final AtomicInteger calls = new AtomicInteger();

		@FunctionHandler("never.handler")
		void handler(Map<String, Object> event) {
			this.calls.incrementAndGet();
		}

	}

	/** Fails every call, recording the event id and request id of each. */
	static class Flaky {

		final List<Attempt> attempts = new CopyOnWriteArrayList<>();

		@FunctionHandler("flaky.handler")
		void handler(TimerEvent event, Context context) {
			this.attempts.add(new Attempt(event.messages().get(0).eventMetadata().eventId(), context.getRequestId(),
					System.nanoTime()));
			throw new IllegalStateException("flaky");
		}

	}

	record Attempt(String eventId, String requestId, long nanos) {
	}

	/** Outlasts its 500 ms timeout, recording each request id: nothing releases it. */
	static class Slow {

		final List<String> requestIds = new CopyOnWriteArrayList<>();

		@FunctionHandler("slow.handler")
		void handler(String event, Context context) throws InterruptedException {
			this.requestIds.add(context.getRequestId());
			new CountDownLatch(1).await();
		}

	}

}
