package io.functionruntime.internal.invoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.functionruntime.Context;
import io.functionruntime.internal.logging.InvocationLog.Report;
import io.functionruntime.internal.logging.InvocationLog;
import io.functionruntime.internal.logging.InvocationMdc;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.invoke.InvocationObserver.Invocation;
import io.functionruntime.invoke.InvocationObserver;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.invoke.Outcome;
import io.functionruntime.registry.FunctionDefinition;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Runs every call of a function, whoever makes it (HTTP, raw, timer), one way: the
 * deadline starts from the function's timeout when the call is handed over, with the
 * request already received in full as the cloud's router does; the call takes an instance
 * from its pool (or is answered {@link InvocationResult.Throttled}), runs the handler on
 * the caller's own thread, and logs {@code START}, {@code END} and {@code REPORT}. An
 * {@link InvocationObserver} hears about every call.
 * <p>
 * The answer is handed to a {@link ResultDelivery} rather than returned, because the
 * invoker, not the caller, owns the deadline: at the deadline its timer answers the
 * timeout at once, interrupts the handler and retires its instance, while the caller's
 * thread may still be inside the handler. {@code END} and {@code REPORT} are written
 * before the answer, so that a call's log lines are complete when its caller hears how it
 * ended.
 * <p>
 * At shutdown the pools close first, so that calls in line are turned away; calls that
 * still run when the grace period ends are answered by {@link #answerUnfinished()}.
 */
public class FunctionInvoker implements SmartLifecycle, DisposableBean {

	private static final int MAX_WRAPPERS = 8;

	private final Map<String, InstancePool> pools = new HashMap<>();

	private final ContextFactory contextFactory;

	private final InvocationLog log;

	private final InvocationObserver observer;

	private final DeadlineTimer<OpenCall> openCalls = new DeadlineTimer<>("function-deadline",
			(open) -> answerEarly(open, new InvocationResult.TimedOut(open.function().settings().timeout().toMillis())));

	private volatile boolean running;

	public FunctionInvoker(FunctionRegistry registry, BeanFactory beanFactory, ContextFactory contextFactory,
			InvocationLog log, InvocationObserver observer) {
		this.contextFactory = contextFactory;
		this.log = log;
		this.observer = observer;
		for (FunctionDefinition function : registry.functions().values()) {
			this.pools.put(function.entryPoint(),
					new InstancePool(() -> beanFactory.getBean(function.beanName()), function.settings()));
		}
	}

	/**
	 * Invokes a function and hands how the call ended to a delivery: from this thread, or
	 * from the deadline's timer at once when the handler is still running then.
	 * @param function the function
	 * @param event the event, bound to what the handler takes
	 * @param requestId the request id of the call
	 * @param delivery what hands the result to the caller; it may be called from another
	 * thread than the caller's
	 * @throws IOException when the caller is gone
	 */
	public void invoke(FunctionDefinition function, Object event, String requestId, ResultDelivery delivery)
			throws IOException {
		long queued = System.nanoTime();
		long timeoutNanos = function.settings().timeout().toNanos();
		long deadlineNanos = queued + timeoutNanos;
		Context context = this.contextFactory.create(function, requestId,
				System.currentTimeMillis() + timeoutNanos / 1_000_000);
		Invocation invocation = this.observer.start(function);
		InstancePool pool = this.pools.get(function.entryPoint());
		Instance instance;
		try {
			instance = pool.acquire(deadlineNanos);
		}
		catch (CallRejectedException ex) {
			InvocationResult rejected = rejected(ex);
			invocation.ended(rejected, delivery.deliver(rejected));
			return;
		}
		InvocationMdc.put(requestId, function.settings().name());
		try {
			this.log.start(requestId, function.settings().versionId());
			long dispatched = System.nanoTime();
			Call call = new Call(pool, instance, function, event, context);
			OpenCall open = new OpenCall(call, deadlineNanos, pool, instance, function,
					dispatched - queued, invocation, delivery);
			this.openCalls.add(open);
			try {
				call.run();
				InvocationResult result = call.outcome.join();
				if (!open.answered().compareAndSet(false, true)) {
					return;
				}
				afterCall(result, pool, instance, function, call, dispatched, dispatched - queued, invocation);
				invocation.ended(result, delivery.deliver(result));
			}
			finally {
				this.openCalls.remove(open);
			}
		}
		finally {
			InvocationMdc.clear();
		}
	}

	/**
	 * Invokes a function as {@link #invoke(FunctionDefinition, Object, String, ResultDelivery)}
	 * does, for a caller that uses the result itself, and waits for it.
	 * @param function the function
	 * @param event the event, bound to what the handler takes
	 * @param requestId the request id of the call
	 * @return how the call ended
	 */
	public InvocationResult invoke(FunctionDefinition function, Object event, String requestId) {
		CompletableFuture<InvocationResult> answer = new CompletableFuture<>();
		try {
			invoke(function, event, requestId, (result) -> {
				answer.complete(result);
				return Outcome.of(result);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return answer.join();
	}

	/**
	 * Answers a call that is still running, at its deadline or when the application shuts
	 * down, unless it was answered already: the calling thread answers a call that ended,
	 * or that its instance's retirement aborted. The call is claimed before its handler is
	 * interrupted or its future cancelled, so that the caller's thread, woken by the abort,
	 * cannot answer it first with another result; the instance is retired.
	 */
	private void answerEarly(OpenCall open, InvocationResult result) {
		if (open.answered().compareAndSet(false, true)) {
			answerClaimed(open, result);
		}
	}

	/** Answers a call this thread has claimed: aborts it, retires its instance, logs and delivers. */
	private void answerClaimed(OpenCall open, InvocationResult result) {
		Call call = open.call();
		call.abort();
		FunctionDefinition function = open.function();
		InvocationMdc.put(call.requestId(), function.settings().name());
		Outcome outcome = Outcome.of(result);
		try {
			afterCall(result, open.pool(), open.instance(), function, call, System.nanoTime(), open.queueNanos(),
					open.invocation());
			outcome = open.delivery().deliver(result);
		}
		catch (IOException | RuntimeException ex) {
			this.log.failure(call.requestId(), function.entryPoint(), ex);
		}
		finally {
			open.invocation().ended(result, outcome);
			InvocationMdc.clear();
		}
	}

	/**
	 * Answers every call still running at once with 503 {@code ServiceUnavailable}, when
	 * the shutdown's grace period is over: the web server is about to stop, and a client
	 * should get an answer rather than a cut connection. Their handlers are interrupted or
	 * their futures cancelled, and their instances retired. All are claimed first, so that
	 * retiring one instance cannot abort its other calls into a timeout answer.
	 */
	public void answerUnfinished() {
		InvocationResult result = new InvocationResult.ShuttingDown(
				"The function runtime is shutting down and the call did not end within the shutdown grace period");
		List<OpenCall> claimed = this.openCalls.waiting()
			.filter((open) -> open.answered().compareAndSet(false, true))
			.toList();
		claimed.forEach((open) -> answerClaimed(open, result));
	}

	private static InvocationResult rejected(CallRejectedException ex) {
		return (ex.reason() == CallRejectedException.Reason.SHUTTING_DOWN)
				? new InvocationResult.ShuttingDown(ex.getMessage()) : new InvocationResult.Throttled(ex.getMessage());
	}

	/**
	 * Does what follows every call whoever answers it: logs a failure, retires the instance
	 * after an {@link Error}, a timeout or a shutdown that cut the call short, writes
	 * {@code END} and {@code REPORT}, and tells the observer how long the call queued and
	 * started.
	 */
	private void afterCall(InvocationResult result, InstancePool pool, Instance instance, FunctionDefinition function,
			Call call, long dispatched, long queueNanos, Invocation invocation) {
		String requestId = call.requestId();
		if (result instanceof InvocationResult.Failure failure) {
			this.log.failure(requestId, function.entryPoint(), failure.error());
			if (failure.error() instanceof Error) {
				pool.retire(instance, false);
			}
		}
		else if (result instanceof InvocationResult.TimedOut || result instanceof InvocationResult.ShuttingDown) {
			pool.retire(instance, true);
		}
		long started = (call.startNanos() != 0) ? call.startNanos() : dispatched;
		Report report = new Report(System.nanoTime() - started, queueNanos, call.initNanos(),
				function.settings().memoryLimitMb());
		this.log.end(requestId, report);
		invocation.ran(report.queueNanos(), report.initNanos());
	}

	/**
	 * Tells what the instances of a function are doing now: a snapshot for health checks,
	 * gauges and endpoints, taken under the pool's lock, never on the call path.
	 * @param function the entry point
	 * @return the state of the function's instances
	 * @throws IllegalArgumentException when there is no such function
	 */
	public PoolState state(String function) {
		return pool(function).state();
	}

	/**
	 * Retires every instance of a function and provisions anew, so that its next calls get
	 * new handler objects: how tests that share an application context start each from
	 * fresh state. Running calls end on their retired instances.
	 * @param function the entry point
	 * @throws IllegalArgumentException when there is no such function
	 */
	public void resetInstances(String function) {
		pool(function).reset();
	}

	private InstancePool pool(String function) {
		InstancePool pool = this.pools.get(function);
		if (pool == null) {
			throw new IllegalArgumentException("No function has the entry point '" + function + "'");
		}
		return pool;
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

	/** Stops the deadline's timer with the application context. */
	@Override
	public void destroy() {
		this.openCalls.close();
	}

	/**
	 * A call that runs and may have to be answered before it ends: by its deadline, or by
	 * the end of the shutdown's grace period. Equal only to itself, as the timer's set needs.
	 */
	private static final class OpenCall implements DeadlineTimer.Timed {

		private final AtomicBoolean answered = new AtomicBoolean();

		private final Call call;

		private final long deadlineNanos;

		private final InstancePool pool;

		private final Instance instance;

		private final FunctionDefinition function;

		private final long queueNanos;

		private final Invocation invocation;

		private final ResultDelivery delivery;

		OpenCall(Call call, long deadlineNanos, InstancePool pool, Instance instance, FunctionDefinition function,
				long queueNanos, Invocation invocation, ResultDelivery delivery) {
			this.call = call;
			this.deadlineNanos = deadlineNanos;
			this.pool = pool;
			this.instance = instance;
			this.function = function;
			this.queueNanos = queueNanos;
			this.invocation = invocation;
			this.delivery = delivery;
		}

		@Override
		public long deadlineNanos() {
			return this.deadlineNanos;
		}

		AtomicBoolean answered() {
			return this.answered;
		}

		Call call() {
			return this.call;
		}

		InstancePool pool() {
			return this.pool;
		}

		Instance instance() {
			return this.instance;
		}

		FunctionDefinition function() {
			return this.function;
		}

		long queueNanos() {
			return this.queueNanos;
		}

		Invocation invocation() {
			return this.invocation;
		}

		ResultDelivery delivery() {
			return this.delivery;
		}

	}

}
