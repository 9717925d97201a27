package io.functionruntime.invoke;

/**
 * How an invocation ended, for the response writer.
 */
public sealed interface InvocationResult {

	/**
	 * The handler returned, or its future completed with, a value.
	 *
	 * @param value the result, possibly {@code null}
	 */
	record Success(Object value) implements InvocationResult {
	}

	/**
	 * The handler threw, or its future completed exceptionally.
	 *
	 * @param error the cause, with wrapper exceptions removed
	 */
	record Failure(Throwable error) implements InvocationResult {
	}

	/**
	 * The call reached its deadline.
	 *
	 * @param timeoutMillis the function's timeout
	 */
	record TimedOut(long timeoutMillis) implements InvocationResult {
	}

	/**
	 * The call was refused: too many calls, or no instance before the deadline.
	 *
	 * @param reason why, for the error message
	 */
	record Throttled(String reason) implements InvocationResult {
	}

	/**
	 * The call was turned away because the application is shutting down.
	 *
	 * @param reason why, for the error message
	 */
	record ShuttingDown(String reason) implements InvocationResult {
	}

}
