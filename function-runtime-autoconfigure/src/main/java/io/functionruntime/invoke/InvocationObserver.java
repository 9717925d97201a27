package io.functionruntime.invoke;

import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.registry.FunctionDefinition;

/**
 * Hears about every call the {@link FunctionInvoker} runs, so that metrics and tracing can
 * be added without the invoker knowing either. All its methods are called on the caller's
 * thread and on the call path: an implementation must be cheap. {@link #NONE}, the
 * default, does nothing.
 */
@FunctionalInterface
public interface InvocationObserver {

	/** Observes nothing. */
	InvocationObserver NONE = (function) -> Invocation.NONE;

	/**
	 * A call arrives, before it waits for an instance.
	 * @param function the function called
	 * @return what hears the rest of this call
	 */
	Invocation start(FunctionDefinition function);

	/**
	 * One observed call: {@link #ran} when it had an instance and ran, then {@link #ended}
	 * once its answer went out, whatever happened. The handler runs on the thread that
	 * started the invocation, so what the observer keeps current there is current in the
	 * handler.
	 */
	interface Invocation {

		/** Hears nothing. */
		Invocation NONE = new Invocation() {
		};

		/**
		 * The call had an instance and its handler ran.
		 * @param queueNanos how long it waited for an instance
		 * @param initNanos how long creating the instance's handler object took, or
		 * {@code -1} on a warm instance or when the creation failed
		 */
		default void ran(long queueNanos, long initNanos) {
		}

		/**
		 * The call ended and its answer went out.
		 * @param result how the invocation ended, or {@code null} when the runtime itself
		 * failed
		 * @param outcome how the caller saw it end
		 */
		default void ended(InvocationResult result, Outcome outcome) {
		}

	}

}
