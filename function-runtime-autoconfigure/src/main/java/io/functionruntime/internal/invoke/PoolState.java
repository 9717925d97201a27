package io.functionruntime.internal.invoke;

/**
 * What the instances of one function are doing at one moment, for health checks, gauges
 * and the {@code functions} endpoint.
 *
 * @param busy instances in service that run calls now, a cold start included
 * @param idle instances in service that run no call
 * @param retired instances taken out of service (after a timeout, an {@code Error} or a
 * failed start) whose calls still run
 * @param inFlight calls that hold an instance, retired ones included
 * @param queued calls waiting for an instance
 * @param failedInits handler objects that failed to be created since the last one that was
 * @param lastInitFailure why the last of those failed, or {@code null} when none did
 */
public record PoolState(int busy, int idle, int retired, int inFlight, int queued, int failedInits,
		String lastInitFailure) {

	/** @return the instances in service, busy or idle */
	public int live() {
		return this.busy + this.idle;
	}

}
