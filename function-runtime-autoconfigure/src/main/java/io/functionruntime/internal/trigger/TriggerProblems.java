package io.functionruntime.internal.trigger;

import io.functionruntime.invoke.InvocationResult;

/**
 * Says what went wrong with a trigger's call, for its log line and state: a trigger's
 * call fails when its handler throws, times out, or is refused or turned away. A result
 * the handler returned, whatever it holds, is a success.
 */
final class TriggerProblems {

	private TriggerProblems() {
	}

	/**
	 * @param result how the call ended
	 * @return what went wrong, or {@code null} when nothing did
	 */
	static String of(InvocationResult result) {
		if (result instanceof InvocationResult.Failure failure) {
			return "failed with " + failure.error().getClass().getSimpleName() + ": " + failure.error().getMessage();
		}
		if (result instanceof InvocationResult.TimedOut timedOut) {
			return "timed out after " + timedOut.timeoutMillis() + " ms";
		}
		if (result instanceof InvocationResult.Throttled throttled) {
			return "was refused: " + throttled.reason();
		}
		if (result instanceof InvocationResult.ShuttingDown shuttingDown) {
			return "was turned away: " + shuttingDown.reason();
		}
		return null;
	}

}
