package io.functionruntime.invoke;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.functionruntime.Context;
import io.functionruntime.invoke.InvocationObserver.Invocation;
import io.functionruntime.logging.InvocationLog;
import io.functionruntime.logging.InvocationMdc;
import io.functionruntime.logging.InvocationLog.Report;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionRegistry;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one call of a function: takes an instance from its pool (or answers
 * {@link InvocationResult.Throttled}), runs the handler on a worker thread, and waits for
 * it until the deadline at most. At the deadline the caller gets
 * {@link InvocationResult.TimedOut} at once, and the instance is retired. An
 * {@link InvocationObserver} hears about every call.
 */
public class FunctionInvoker implements SmartLifecycle {

	private static final int MAX_WRAPPERS = 8;

	private final Map<String, InstancePool> pools = new HashMap<>();

	private final InvocationLog log;

	private final Executor workers;

	private final InvocationObserver observer;

	private final ScheduledThreadPoolExecutor deadlines;

	private volatile boolean running;

	public FunctionInvoker(FunctionRegistry registry, BeanFactory beanFactory, InvocationLog log, Executor workers,
			InvocationObserver observer) {
		this.log = log;
		this.workers = workers;
		this.observer = observer;
		this.deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "function-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		this.deadlines.setRemoveOnCancelPolicy(true);
		for (FunctionDefinition function : registry.functions().values()) {
			this.pools.put(function.name(),
					new InstancePool(() -> beanFactory.getBean(function.beanName()), function.settings()));
		}
	}

	/**
	 * Invokes a function and waits for the outcome, until the deadline at most, for a caller
	 * that uses the result itself.
	 * @param function the function
	 * @param event the event, bound to what the handler takes
	 * @param context the invocation context
	 * @param deadlineNanos the {@link System#nanoTime()} of the deadline
	 * @return how the call ended
	 */
	public InvocationResult invoke(FunctionDefinition function, Object event, Context context, long deadlineNanos) {
		Invocation invocation = this.observer.start(function);
		InvocationResult result = null;
		try {
			result = call(function, event, context, deadlineNanos, invocation);
			return result;
		}
		finally {
			invocation.ended(result, (result != null) ? Outcome.of(result) : Outcome.ERROR);
		}
	}

	/**
	 * Invokes a function, waits for the outcome until the deadline at most, and hands it
	 * to a delivery, which tells the observer how the caller saw the call end.
	 * @param function the function
	 * @param event the event, bound to what the handler takes
	 * @param context the invocation context
	 * @param deadlineNanos the {@link System#nanoTime()} of the deadline
	 * @param delivery what hands the result to the caller
	 * @throws IOException when the caller is gone
	 */
	public void invoke(FunctionDefinition function, Object event, Context context, long deadlineNanos,
			ResultDelivery delivery) throws IOException {
		Invocation invocation = this.observer.start(function);
		InvocationResult result = null;
		Outcome outcome = Outcome.ERROR;
		try {
			result = call(function, event, context, deadlineNanos, invocation);
			outcome = Outcome.of(result);
			outcome = delivery.deliver(result);
		}
		finally {
			invocation.ended(result, outcome);
		}
	}

	/**
	 * Invokes a function on the calling thread, for a caller that can be answered from
	 * another thread (an asynchronous servlet request): the common case costs no hand-over
	 * to a worker. At the deadline a timer answers the timeout through the delivery at
	 * once, interrupts the handler and retires its instance, however long the calling
	 * thread stays inside the handler.
	 * @param function the function
	 * @param event the event, bound to what the handler takes
	 * @param context the invocation context
	 * @param deadlineNanos the {@link System#nanoTime()} of the deadline
	 * @param delivery what hands the result to the caller, from this thread or the timer's
	 * @throws IOException when the caller is gone
	 */
	public void invokeOnCallingThread(FunctionDefinition function, Object event, Context context, long deadlineNanos,
			ResultDelivery delivery) throws IOException {
		Invocation invocation = this.observer.start(function);
		InstancePool pool = this.pools.get(function.name());
		long queued = System.nanoTime();
		Instance instance;
		try {
			instance = pool.acquire(deadlineNanos);
		}
		catch (CallRejectedException ex) {
			InvocationResult rejected = rejected(ex);
			invocation.ended(rejected, delivery.deliver(rejected));
			return;
		}
		InvocationMdc.put(context.getRequestId(), function.settings().name());
		try {
			this.log.start(context.getRequestId(), function.settings().versionId());
			long dispatched = System.nanoTime();
			Call call = new Call(pool, instance, function, event, context);
			AtomicBoolean answered = new AtomicBoolean();
			ScheduledFuture<?> deadline = this.deadlines.schedule(() -> answerTimeout(call, answered, pool, instance,
					function, dispatched - queued, invocation, delivery), deadlineNanos - System.nanoTime(),
					TimeUnit.NANOSECONDS);
			call.run();
			InvocationResult result = call.outcome.join();
			if (!answered.compareAndSet(false, true)) {
				return;
			}
			deadline.cancel(false);
			afterCall(result, pool, instance, function, call, dispatched, dispatched - queued, invocation);
			invocation.ended(result, delivery.deliver(result));
		}
		finally {
			InvocationMdc.clear();
		}
	}

	/**
	 * Answers a call at its deadline, unless it was answered already: the calling thread
	 * answers a call that ended, or that its instance's retirement aborted.
	 */
	private void answerTimeout(Call call, AtomicBoolean answered, InstancePool pool, Instance instance,
			FunctionDefinition function, long queueNanos, Invocation invocation, ResultDelivery delivery) {
		call.abort();
		if (!answered.compareAndSet(false, true)) {
			return;
		}
		InvocationMdc.put(call.requestId(), function.settings().name());
		InvocationResult result = new InvocationResult.TimedOut(function.settings().timeout().toMillis());
		Outcome outcome = Outcome.of(result);
		try {
			afterCall(result, pool, instance, function, call, System.nanoTime(), queueNanos, invocation);
			outcome = delivery.deliver(result);
		}
		catch (IOException | RuntimeException ex) {
			this.log.failure(call.requestId(), function.name(), ex);
		}
		finally {
			invocation.ended(result, outcome);
			InvocationMdc.clear();
		}
	}

	private static InvocationResult rejected(CallRejectedException ex) {
		return (ex.reason() == CallRejectedException.Reason.SHUTTING_DOWN)
				? new InvocationResult.ShuttingDown(ex.getMessage()) : new InvocationResult.Throttled(ex.getMessage());
	}

	private InvocationResult call(FunctionDefinition function, Object event, Context context, long deadlineNanos,
			Invocation invocation) {
		InstancePool pool = this.pools.get(function.name());
		long queued = System.nanoTime();
		Instance instance;
		try {
			instance = pool.acquire(deadlineNanos);
		}
		catch (CallRejectedException ex) {
			return rejected(ex);
		}
		String requestId = context.getRequestId();
		InvocationMdc.put(requestId, function.settings().name());
		try {
			return run(pool, instance, function, event, context, deadlineNanos, queued, invocation);
		}
		finally {
			InvocationMdc.clear();
		}
	}

	private InvocationResult run(InstancePool pool, Instance instance, FunctionDefinition function, Object event,
			Context context, long deadlineNanos, long queued, Invocation invocation) {
		this.log.start(context.getRequestId(), function.settings().versionId());
		long dispatched = System.nanoTime();
		Call call = new Call(pool, instance, function, event, context);
		this.workers.execute(invocation.onWorkerThread(call));
		InvocationResult result = await(call, deadlineNanos, function);
		afterCall(result, pool, instance, function, call, dispatched, dispatched - queued, invocation);
		return result;
	}

	/**
	 * Does what follows every call whoever answers it: logs a failure, retires the instance
	 * after an {@link Error} or a timeout, writes {@code END} and {@code REPORT}, and tells
	 * the observer how long the call queued and started.
	 */
	private void afterCall(InvocationResult result, InstancePool pool, Instance instance, FunctionDefinition function,
			Call call, long dispatched, long queueNanos, Invocation invocation) {
		String requestId = call.requestId();
		if (result instanceof InvocationResult.Failure failure) {
			this.log.failure(requestId, function.name(), failure.error());
			if (failure.error() instanceof Error) {
				pool.retire(instance, false);
			}
		}
		else if (result instanceof InvocationResult.TimedOut) {
			pool.retire(instance, true);
		}
		long started = (call.startNanos() != 0) ? call.startNanos() : dispatched;
		Report report = new Report(System.nanoTime() - started, queueNanos, call.initNanos(),
				function.settings().memoryLimitMb());
		this.log.end(requestId, report);
		invocation.ran(report.queueNanos(), report.initNanos());
	}

	private static InvocationResult await(Call call, long deadlineNanos, FunctionDefinition function) {
		try {
			return call.outcome.get(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return new InvocationResult.TimedOut(function.settings().timeout().toMillis());
		}
		catch (ExecutionException ex) {
			return new InvocationResult.Failure(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			call.abort();
			return new InvocationResult.TimedOut(function.settings().timeout().toMillis());
		}
	}

	/**
	 * Tells what the instances of a function are doing now: a snapshot for health checks,
	 * gauges and endpoints, taken under the pool's lock, never on the call path.
	 * @param function the entry point
	 * @return the state of the function's instances
	 * @throws IllegalArgumentException when there is no such function
	 */
	public PoolState state(String function) {
		InstancePool pool = this.pools.get(function);
		if (pool == null) {
			throw new IllegalArgumentException("No function has the entry point '" + function + "'");
		}
		return pool.state();
	}

	/**
	 * Removes the wrappers that futures and reflection put around a handler's failure, at
	 * most a few levels deep, so that a cycle of causes cannot hold the call.
	 */
	static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; depth < MAX_WRAPPERS && isWrapper(current) && current.getCause() != null; depth++) {
			current = current.getCause();
		}
		return current;
	}

	private static boolean isWrapper(Throwable failure) {
		return failure instanceof ExecutionException || failure instanceof CompletionException
				|| failure instanceof InvocationTargetException || failure instanceof UndeclaredThrowableException;
	}

	/**
	 * Takes calls again after a {@link #stop()}, as when a paused context is restarted;
	 * before the first start calls are taken too, from the moment the server listens.
	 */
	@Override
	public void start() {
		this.pools.values().forEach(InstancePool::open);
		this.running = true;
	}

	/**
	 * Stops taking calls, before the web server's graceful shutdown waits for the calls in
	 * flight: calls still in line for an instance are answered at once, running ones go on
	 * until they end or reach their deadline.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.pools.values().forEach(InstancePool::close);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
