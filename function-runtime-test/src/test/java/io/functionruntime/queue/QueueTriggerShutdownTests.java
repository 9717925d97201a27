package io.functionruntime.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.functionruntime.test.LocalMessageQueue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shutdown while a batch runs loses nothing: within the grace period the batch is
 * finished and deleted; past it the call is turned away and the batch returns to the
 * queue after its visibility timeout.
 */
class QueueTriggerShutdownTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final LocalMessageQueue queues = QueueFunctions.queues;

	@Test
	void batchInHandIsFinishedAndDeletedWhenTheShutdownWaitsForIt() throws Exception {
		String queue = queues.createQueue("shutdown-finished");
		ConfigurableApplicationContext context = start(queue, "30s");
		QueueFunctions.Held held = context.getBean(QueueFunctions.Held.class);
		queues.client().sendMessage((request) -> request.queueUrl(queue).messageBody("in hand"));
		assertThat(held.entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
		held.release.countDown();
		closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		assertThat(held.calls.get()).isEqualTo(1);
		assertThat(queues.messageCount(queue)).as("deleted after the call").isZero();
	}

	@Test
	void batchThatOutlastsTheGracePeriodReturnsToTheQueue() throws Exception {
		String queue = queues.createQueue("shutdown-outlasted", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
		ConfigurableApplicationContext context = start(queue, "500ms");
		QueueFunctions.Held held = context.getBean(QueueFunctions.Held.class);
		queues.client().sendMessage((request) -> request.queueUrl(queue).messageBody("outlasts"));
		assertThat(held.entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		try {
			context.close();
		}
		finally {
			held.release.countDown();
		}
		assertThat(held.calls.get()).isEqualTo(1);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(receive(queue)).extracting(Message::body)
			.containsExactly("outlasts"));
	}

	private static List<Message> receive(String queue) {
		return queues.client().receiveMessage((request) -> request.queueUrl(queue).waitTimeSeconds(1)).messages();
	}

	private static ConfigurableApplicationContext start(String queue, String gracePeriod) {
		String prefix = "--function-runtime.triggers.message-queues[held].";
		return new SpringApplicationBuilder(QueueFunctions.class).run("--server.port=0",
				"--spring.config.name=queue-tests", "--spring.lifecycle.timeout-per-shutdown-phase=" + gracePeriod,
				prefix + "function=held.handler", prefix + "queue-url=" + queue,
				prefix + "access-key-id=" + LocalMessageQueue.ACCESS_KEY_ID,
				prefix + "secret-access-key=" + LocalMessageQueue.SECRET_ACCESS_KEY);
	}

}
