package io.functionruntime.internal.trigger;

import java.time.Instant;

/**
 * What a Message Queue trigger is doing and has done, for the {@code functions} endpoint
 * and the metrics: a snapshot.
 *
 * @param name the trigger's name
 * @param function the entry point it calls
 * @param queueUrl the queue it polls
 * @param enabled whether it is configured to poll
 * @param polling whether it polls now
 * @param batches the calls made with a batch
 * @param failedBatches the calls that failed, timed out or were turned away, whose
 * messages were left to reappear
 * @param messages the messages deleted after a successful call
 * @param pollErrors the requests to the queue that failed
 * @param lastBatchAt when the last batch was handed to the function, or {@code null}
 * @param lastBatchSize how many messages the last batch held
 * @param lastFailure what went wrong last, or {@code null}
 */
public record QueueTriggerState(String name, String function, String queueUrl, boolean enabled, boolean polling,
		long batches, long failedBatches, long messages, long pollErrors, Instant lastBatchAt, int lastBatchSize,
		String lastFailure) {
}
