package io.functionruntime.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-JVM queue server speaks SQS to the AWS SDK, and moves a message that was received
 * too often to the dead-letter queue of its redrive policy.
 */
class LocalMessageQueueTests {

	@Test
	void sendsReceivesAndRedrivesToTheDeadLetterQueue() {
		try (LocalMessageQueue queues = LocalMessageQueue.start()) {
			assertThat(queues.endpoint().toString()).startsWith("http://127.0.0.1:");
			String dlq = queues.createQueue("local-dlq");
			String queue = queues.createQueue("local", dlq, 1);
			assertThat(queue).isEqualTo(queues.endpoint() + "/000000000000/local");
			queues.client().sendMessage((request) -> request.queueUrl(queue).messageBody("hello"));
			assertThat(queues.messageCount(queue)).isEqualTo(1);
			List<Message> first = receive(queues, queue);
			assertThat(first).extracting(Message::body).containsExactly("hello");
			assertThat(receive(queues, queue)).isEmpty();
			assertThat(receive(queues, dlq)).extracting(Message::messageId)
				.containsExactly(first.get(0).messageId());
		}
	}

	@Test
	void stopsCleanlySoThatAnotherServerStarts() {
		LocalMessageQueue.start().close();
		try (LocalMessageQueue queues = LocalMessageQueue.start()) {
			String queue = queues.createQueue("again", Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5"));
			assertThat(queues.messageCount(queue)).isZero();
		}
	}

	@Test
	void takenPreferredPortFallsBackToAFreeOne() {
		try (LocalMessageQueue first = LocalMessageQueue.start();
				LocalMessageQueue second = LocalMessageQueue.start(first.endpoint().getPort())) {
			assertThat(second.endpoint().getPort()).isNotEqualTo(first.endpoint().getPort());
			assertThat(second.messageCount(second.createQueue("fallback"))).isZero();
		}
	}

	@Test
	void freePreferredPortIsTaken() {
		int port;
		try (LocalMessageQueue probe = LocalMessageQueue.start()) {
			port = probe.endpoint().getPort();
		}
		try (LocalMessageQueue queues = LocalMessageQueue.start(port)) {
			assertThat(queues.endpoint().getPort()).isEqualTo(port);
		}
	}

	/** Receives with a visibility timeout of 0, so that an undeleted message is back at once. */
	private static List<Message> receive(LocalMessageQueue queues, String queue) {
		return queues.client()
			.receiveMessage((request) -> request.queueUrl(queue).visibilityTimeout(0).waitTimeSeconds(1))
			.messages();
	}

}
