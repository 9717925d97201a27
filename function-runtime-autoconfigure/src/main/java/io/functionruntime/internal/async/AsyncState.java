package io.functionruntime.internal.async;

/**
 * What the asynchronous calls' buffer and workers hold, for the {@code functions} endpoint
 * and the metrics: a snapshot.
 *
 * @param buffered calls accepted and waiting to start
 * @param bufferSize the most calls the buffer holds
 * @param running calls being made now, their retries' waits included
 * @param accepted calls answered 202 since startup
 * @param refused calls answered 429 because the buffer was full
 */
public record AsyncState(int buffered, int bufferSize, int running, long accepted, long refused) {
}
