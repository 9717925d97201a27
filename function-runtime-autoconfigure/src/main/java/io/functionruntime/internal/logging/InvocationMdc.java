package io.functionruntime.internal.logging;

import java.util.Map;

import org.slf4j.MDC;

/**
 * The MDC entries of an invocation, {@code requestId} and {@code functionName}, so that
 * every log line written while a call runs, by the runtime or the handler, names it.
 */
public final class InvocationMdc {

	/** The MDC key of the request id. */
	public static final String REQUEST_ID = "requestId";

	/** The MDC key of the function name. */
	public static final String FUNCTION_NAME = "functionName";

	private InvocationMdc() {
	}

	/**
	 * Puts a call's entries in the MDC of the current thread.
	 * @param requestId the request id
	 * @param functionName the function name
	 */
	public static void put(String requestId, String functionName) {
		MDC.put(REQUEST_ID, requestId);
		MDC.put(FUNCTION_NAME, functionName);
	}

	/** Removes a call's entries from the MDC of the current thread. */
	public static void clear() {
		MDC.remove(REQUEST_ID);
		MDC.remove(FUNCTION_NAME);
	}

	/**
	 * Wraps a task so that it runs with a call's entries in the MDC, whatever thread runs
	 * it, and leaves that thread's MDC as it found it.
	 * @param task the task
	 * @param requestId the request id
	 * @param functionName the function name
	 * @return the wrapped task
	 */
	public static Runnable wrap(Runnable task, String requestId, String functionName) {
		return () -> {
			Map<String, String> previous = MDC.getCopyOfContextMap();
			put(requestId, functionName);
			try {
				task.run();
			}
			finally {
				if (previous != null) {
					MDC.setContextMap(previous);
				}
				else {
					MDC.clear();
				}
			}
		};
	}

}
