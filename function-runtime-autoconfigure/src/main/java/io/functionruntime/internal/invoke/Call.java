package io.functionruntime.internal.invoke;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import io.functionruntime.Context;
import io.functionruntime.internal.logging.InvocationMdc;
import io.functionruntime.internal.registry.HandlerAdapter;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.registry.FunctionDefinition;
import org.slf4j.MDC;

/**
 * One handler call, run on the caller's thread. {@link #outcome} completes with how the
 * call ended when the handler returns or its future completes, or when the call is
 * aborted; the instance is released only when the call has really ended, however long
 * after its deadline that is.
 */
final class Call implements Runnable {

	final CompletableFuture<InvocationResult> outcome = new CompletableFuture<>();

	private final InstancePool pool;

	private final Instance instance;

	private final HandlerAdapter adapter;

	private final String functionName;

	private final long timeoutMillis;

	private final Object event;

	private final Context context;

	private final AtomicBoolean ended = new AtomicBoolean();

	private volatile long initNanos = -1;

	private volatile long startNanos;

	private Thread runner;

	private CompletableFuture<?> pending;

	Call(InstancePool pool, Instance instance, FunctionDefinition function, Object event, Context context) {
		this.pool = pool;
		this.instance = instance;
		this.adapter = function.adapter();
		this.functionName = function.settings().name();
		this.timeoutMillis = function.settings().timeout().toMillis();
		this.event = event;
		this.context = context;
		instance.track(this);
	}

	@Override
	public void run() {
		synchronized (this) {
			if (this.outcome.isDone()) {
				end();
				return;
			}
			this.runner = Thread.currentThread();
		}
		boolean inheritedMdc = this.context.getRequestId().equals(MDC.get(InvocationMdc.REQUEST_ID));
		InvocationMdc.put(this.context.getRequestId(), this.functionName);
		try {
			this.startNanos = System.nanoTime();
			this.initNanos = initialize();
			Object result = this.adapter.invoke(this.instance.target(), this.event, this.context);
			if (this.adapter.isAsync() && result != null) {
				awaitStage((CompletionStage<?>) result);
			}
			else {
				finish(new InvocationResult.Success(result));
			}
		}
		catch (Throwable ex) {
			finish(failure(ex));
		}
		finally {
			synchronized (this) {
				this.runner = null;
			}
			Thread.interrupted();
			if (!inheritedMdc) {
				InvocationMdc.clear();
			}
		}
	}

	/**
	 * Creates the handler object on a cold instance. An instance whose object cannot be
	 * created is retired, so that the next call starts a new one rather than failing here
	 * again; the call fails with the reason.
	 */
	private long initialize() {
		try {
			return this.instance.initialize();
		}
		catch (RuntimeException | Error ex) {
			this.pool.retire(this.instance, false);
			throw ex;
		}
	}

	private void awaitStage(CompletionStage<?> stage) {
		CompletableFuture<?> future = stage.toCompletableFuture();
		synchronized (this) {
			this.pending = future;
		}
		future.whenComplete((value, failure) -> finish(
				(failure != null) ? failure(failure) : new InvocationResult.Success(value)));
	}

	/**
	 * Records a failure without the wrappers of futures and reflection. The outcome never
	 * completes exceptionally, so that waiting for it never builds a wrapper that would
	 * call the failure's own, possibly broken, {@code toString()}.
	 */
	private static InvocationResult failure(Throwable failure) {
		return new InvocationResult.Failure(FunctionInvoker.unwrap(failure));
	}

	/**
	 * Interrupts the handler thread, or cancels the handler's future, at the deadline or
	 * when the shutdown's grace period ends.
	 * @return whether the call was still running, so that its answer is the timeout
	 */
	boolean abort() {
		boolean timedOut = this.outcome.complete(new InvocationResult.TimedOut(this.timeoutMillis));
		synchronized (this) {
			if (this.runner != null) {
				this.runner.interrupt();
			}
			if (this.pending != null) {
				this.pending.cancel(true);
			}
		}
		return timedOut;
	}

	/**
	 * Ends the call: the instance is given back before the caller hears the answer, so that
	 * the caller's next call finds it free rather than starting another instance.
	 */
	private void finish(InvocationResult result) {
		end();
		this.outcome.complete(result);
	}

	private void end() {
		if (this.ended.compareAndSet(false, true)) {
			this.instance.untrack(this);
			this.pool.release(this.instance);
		}
	}

	/** @return the request id of the call */
	String requestId() {
		return this.context.getRequestId();
	}

	/** @return nanoseconds the cold start took, or {@code -1} on a warm instance */
	long initNanos() {
		return this.initNanos;
	}

	/** @return when the handler started, or 0 when it never did */
	long startNanos() {
		return this.startNanos;
	}

}
