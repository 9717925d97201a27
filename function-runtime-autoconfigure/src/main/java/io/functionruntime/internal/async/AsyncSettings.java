package io.functionruntime.internal.async;

import java.time.Duration;

/**
 * How one function's asynchronous calls are made: how often a failed call is tried again,
 * and which queues get its results.
 *
 * @param retries how many times a failed or timed-out call is tried again, 0 to 100
 * @param retryDelay how long to wait before each retry
 * @param successQueueUrl the queue of the results of successful calls, or {@code null}
 * to discard them
 * @param failureQueueUrl the queue of the errors of calls whose retries all failed, or
 * {@code null} to log them only
 */
public record AsyncSettings(int retries, Duration retryDelay, String successQueueUrl, String failureQueueUrl) {

	/** The settings of a function that configures nothing: no retry, no queue. */
	public static final AsyncSettings NONE = new AsyncSettings(0, Duration.ofSeconds(1), null, null);

}
