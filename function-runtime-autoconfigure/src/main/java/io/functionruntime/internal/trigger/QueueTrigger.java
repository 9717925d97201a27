package io.functionruntime.internal.trigger;

import java.time.Duration;

import io.functionruntime.internal.queue.QueueConnection;
import io.functionruntime.registry.FunctionDefinition;

/**
 * A Message Queue trigger, resolved and checked at startup: which queue it polls, how it
 * groups messages into batches, and which function it calls with them.
 *
 * @param name the trigger's name in the configuration
 * @param function the function it calls
 * @param queueUrl the URL of the queue
 * @param queueId the queue id of the messages, {@code details.queue_id}
 * @param connection where and as whom to talk to the queue
 * @param batchSize the most messages in one call, 1 to 10
 * @param batchCutoff the longest wait for a batch to fill once its first message came
 * @param visibilityTimeout how long received messages stay hidden, or {@code null} for
 * the queue's own setting
 * @param cloudId the cloud id of the messages
 * @param folderId the folder id of the messages
 * @param enabled whether the trigger polls at all
 */
public record QueueTrigger(String name, FunctionDefinition function, String queueUrl, String queueId,
		QueueConnection connection, int batchSize, Duration batchCutoff, Duration visibilityTimeout, String cloudId,
		String folderId, boolean enabled) {

	/** The longest long poll the SQS API allows. */
	static final int MAX_WAIT_SECONDS = 20;

}
