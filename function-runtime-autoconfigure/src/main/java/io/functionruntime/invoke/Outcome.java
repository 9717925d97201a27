package io.functionruntime.invoke;

/**
 * How a call ended as its caller saw it: the {@code outcome} of the runtime's metrics. It
 * follows the {@link InvocationResult}, except that a result the caller could not deliver,
 * such as a handler's answer that is no valid HTTP response, is {@link #MALFORMED}.
 */
public enum Outcome {

	/** The handler's result reached the caller. */
	SUCCESS,

	/** The handler threw, its future failed, or its handler object could not be created. */
	ERROR,

	/** The deadline passed. */
	TIMEOUT,

	/** Refused: over the requests limit, or no instance came free before the deadline. */
	THROTTLED,

	/** The handler's result was no valid response (HTTP mode, 502). */
	MALFORMED,

	/** Turned away because the application is shutting down. */
	UNAVAILABLE;

	/**
	 * Tells the outcome of a result that reached its caller as it is.
	 * @param result the result
	 * @return the outcome
	 */
	public static Outcome of(InvocationResult result) {
		if (result instanceof InvocationResult.Success) {
			return SUCCESS;
		}
		if (result instanceof InvocationResult.Failure) {
			return ERROR;
		}
		if (result instanceof InvocationResult.TimedOut) {
			return TIMEOUT;
		}
		return (result instanceof InvocationResult.Throttled) ? THROTTLED : UNAVAILABLE;
	}

}
