package io.functionruntime.internal.queue;

/**
 * Sends a message to a queue, so that the runtime's code that sends needs no SQS client
 * on the class path unless a queue is configured.
 */
@FunctionalInterface
public interface QueueSender extends AutoCloseable {

	/**
	 * Sends one message.
	 * @param queueUrl the queue's URL
	 * @param body the message body
	 * @throws RuntimeException when the queue does not take it
	 */
	void send(String queueUrl, String body);

	/** Closes the connections to the queues. */
	@Override
	default void close() {
	}

}
