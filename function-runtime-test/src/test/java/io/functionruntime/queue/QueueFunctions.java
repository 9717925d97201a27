package io.functionruntime.queue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.functionruntime.FunctionHandler;
import io.functionruntime.test.LocalMessageQueue;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The handlers that the queue tests' triggers and asynchronous calls reach, each
 * recording what it received. The local queue server is one for every test of the JVM,
 * each with queues of its own, so that a context closing late never finds it gone.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class QueueFunctions {

	static final LocalMessageQueue queues = LocalMessageQueue.start();

	@Bean
	Recorder recorder() {
		return new Recorder();
	}

	@Bean
	Failing failing() {
		return new Failing();
	}

	@Bean
	Answers500 answers500() {
		return new Answers500();
	}

	@Bean
	Counting counting() {
		return new Counting();
	}

	@Bean
	Held held() {
		return new Held();
	}

	/** Records every event as the tree it received, and answers what it got. */
	static class Recorder {

		final List<JsonNode> events = new CopyOnWriteArrayList<>();

		@FunctionHandler("recorder.handler")
		JsonNode handler(JsonNode event) {
			this.events.add(event);
			return event;
		}

	}

	/** Fails every call, counting them. */
	static class Failing {

		final AtomicInteger calls = new AtomicInteger();

		@FunctionHandler("failing.handler")
		void handler(Map<String, Object> event) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("failing on purpose");
		}

	}

	/** Returns a response of status 500, which is no failure of a trigger's call. */
	static class Answers500 {

		final AtomicInteger calls = new AtomicInteger();

		@FunctionHandler("answers500.handler")
		Map<String, Object> handler(Map<String, Object> event) {
			this.calls.incrementAndGet();
			return Map.of("statusCode", 500);
		}

	}

	/** Counts how many times each message id was handed to it. */
	static class Counting {

		final Map<String, Integer> timesById = new ConcurrentHashMap<>();

		final AtomicInteger batches = new AtomicInteger();

		@FunctionHandler("counting.handler")
		void handler(JsonNode event) {
			this.batches.incrementAndGet();
			event.get("messages")
				.forEach((message) -> this.timesById.merge(message.at("/details/message/message_id").asString(), 1,
						Integer::sum));
		}

	}

	/** Stays inside until the test releases it, telling when a call has entered. */
	static class Held {

		final AtomicInteger calls = new AtomicInteger();

		final List<JsonNode> events = new CopyOnWriteArrayList<>();

		volatile CountDownLatch entered = new CountDownLatch(1);

		volatile CountDownLatch release = new CountDownLatch(1);

		@FunctionHandler("held.handler")
		String handler(JsonNode event) throws InterruptedException {
			this.calls.incrementAndGet();
			this.events.add(event);
			this.entered.countDown();
			this.release.await();
			return "released";
		}

	}

}
