package io.functionruntime.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.functionruntime.internal.trigger.QueueTriggerRunner;
import io.functionruntime.internal.trigger.QueueTriggerState;
import io.functionruntime.test.LocalMessageQueue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bounded soak over loopback: 10,000 messages through one trigger, batches of up to 10,
 * against the in-JVM queue server. None is lost, none is handed to the function twice,
 * and the queue ends empty. The figures go to the test's output and to
 * {@code target/queue-soak.txt} ({@code benchmarks/queue-soak.sh} keeps them under
 * {@code benchmarks/results/}).
 */
@SpringBootTest(classes = QueueFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=queue-tests")
@DirtiesContext
class QueueTriggerSoakTests {

	private static final int MESSAGES = 10_000;

	private static final int SENDERS = 4;

	private static final LocalMessageQueue queues = QueueFunctions.queues;

	private static final String soakQueue = queues.createQueue("soak");

	@Autowired
	QueueFunctions.Counting counting;

	@Autowired
	QueueTriggerRunner runner;

	@DynamicPropertySource
	static void trigger(DynamicPropertyRegistry registry) {
		String prefix = "function-runtime.triggers.message-queues[soak].";
		registry.add(prefix + "function", () -> "counting.handler");
		registry.add(prefix + "queue-url", () -> soakQueue);
		registry.add(prefix + "batch-size", () -> "10");
		registry.add(prefix + "batch-cutoff", () -> "0s");
		registry.add(prefix + "access-key-id", () -> LocalMessageQueue.ACCESS_KEY_ID);
		registry.add(prefix + "secret-access-key", () -> LocalMessageQueue.SECRET_ACCESS_KEY);
	}

	@Test
	void tenThousandMessagesAreEachHandledOnceAndDeleted() throws IOException {
		Set<String> sent = ConcurrentHashMap.newKeySet();
		long start = System.nanoTime();
		IntStream.range(0, SENDERS).parallel().forEach((sender) -> {
			for (int batch = sender; batch < MESSAGES / 10; batch += SENDERS) {
				int first = batch * 10;
				List<SendMessageBatchRequestEntry> entries = IntStream.range(first, first + 10)
					.mapToObj((i) -> SendMessageBatchRequestEntry.builder()
						.id("m" + i)
						.messageBody("{\"n\":" + i + "}")
						.build())
					.toList();
				SendMessageBatchResponse response = queues.client()
					.sendMessageBatch((request) -> request.queueUrl(soakQueue).entries(entries));
				assertThat(response.failed()).isEmpty();
				response.successful().forEach((entry) -> sent.add(entry.messageId()));
			}
		});
		long sentNanos = System.nanoTime() - start;
		await().atMost(Duration.ofMinutes(2)).until(() -> this.counting.timesById.size() >= MESSAGES);
		long handledNanos = System.nanoTime() - start;
		await().atMost(Duration.ofMinutes(1)).until(() -> queues.messageCount(soakQueue) == 0);
		long deletedNanos = System.nanoTime() - start;
		assertThat(sent).hasSize(MESSAGES);
		assertThat(this.counting.timesById.keySet()).as("none lost").isEqualTo(sent);
		assertThat(this.counting.timesById.values()).as("none handled twice").containsOnly(1);
		QueueTriggerState state = this.runner.states().get(0);
		assertThat(state.failedBatches()).isZero();
		assertThat(state.messages()).isEqualTo(MESSAGES);
		String figures = String.format(
				"queue soak %s: %d messages, %d senders, batch-size 10, batch-cutoff 0s%n"
						+ "sent in %.1f s; all handled after %.1f s; queue empty after %.1f s%n"
						+ "%d calls, %.2f messages per call, %.0f messages/s handled; lost 0, handled twice 0, "
						+ "failed calls %d, queue request errors %d%n",
				Instant.now(), MESSAGES, SENDERS, sentNanos / 1e9, handledNanos / 1e9, deletedNanos / 1e9,
				state.batches(), (double) MESSAGES / state.batches(), MESSAGES / (handledNanos / 1e9),
				state.failedBatches(), state.pollErrors());
		System.out.print(figures);
		Files.writeString(Path.of("target", "queue-soak.txt"), figures);
	}

}
