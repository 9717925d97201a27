package io.functionruntime.internal.async;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.queue.QueueSender;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.registry.FunctionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Makes the calls of {@code ?integration=async} after they were answered 202: each waits
 * in a bounded buffer for a worker, runs through the {@link FunctionInvoker} as any call
 * does (instances, deadline, logs), is tried again after a failure or timeout as its
 * function allows, and leaves its result in the function's success queue or its error in
 * the failure queue. A call the function's pool refuses waits and is tried again, without
 * counting as a retry, so that a full pool never loses an accepted call.
 * <p>
 * At shutdown it stops before the invoker: new calls are refused with 503, buffered ones
 * still run within the grace period, and those left then are answered to the failure
 * queue, or logged as errors when there is none.
 */
public class AsyncInvocations implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger("function-runtime.async");

	private final FunctionInvoker invoker;

	private final Map<String, AsyncSettings> settings;

	private final QueueSender sender;

	private final AsyncResults results;

	private final Duration gracePeriod;

	private final int bufferSize;

	private final int workerCount;

	private final CustomizableThreadFactory threads = new CustomizableThreadFactory("function-async-");

	/** The workers of the current start: stopping shuts them down, so a restart makes new ones. */
	private volatile ThreadPoolExecutor workers;

	private final Set<String> warnedFunctions = ConcurrentHashMap.newKeySet();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private volatile boolean accepting = true;

	private volatile boolean abandoned;

	/**
	 * Creates the calls' buffer; its worker threads start with the first calls.
	 * @param invoker the invoker of every call
	 * @param settings each function's settings by entry point; a function without any has
	 * {@link AsyncSettings#NONE}
	 * @param sender what sends to the queues, or {@code null} when no function has one
	 * @param results what writes the queues' messages
	 * @param bufferSize the most calls accepted but not started
	 * @param workers the most calls made at once
	 * @param gracePeriod how long buffered calls get at shutdown
	 */
	public AsyncInvocations(FunctionInvoker invoker, Map<String, AsyncSettings> settings, QueueSender sender,
			AsyncResults results, int bufferSize, int workers, Duration gracePeriod) {
		this.invoker = invoker;
		this.settings = Map.copyOf(settings);
		this.sender = sender;
		this.results = results;
		this.bufferSize = bufferSize;
		this.gracePeriod = gracePeriod;
		this.workerCount = workers;
		this.threads.setDaemon(true);
		this.workers = newWorkers();
	}

	private ThreadPoolExecutor newWorkers() {
		return new ThreadPoolExecutor(this.workerCount, this.workerCount, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(this.bufferSize), this.threads);
	}

	/**
	 * Accepts a call to be made later, unless the buffer is full or the runtime is
	 * shutting down.
	 * @param function the function
	 * @param event the event, bound to what the handler takes
	 * @param requestId the request id of the answer, and of the first attempt
	 * @return empty when accepted; else why not, to answer as a direct call's refusal
	 */
	public Optional<InvocationResult> submit(FunctionDefinition function, Object event, String requestId) {
		if (this.accepting) {
			try {
				this.workers.execute(new AsyncCall(function, event, requestId));
				this.accepted.incrementAndGet();
				return Optional.empty();
			}
			catch (RejectedExecutionException ex) {
				if (this.accepting) {
					this.refused.incrementAndGet();
					return Optional.of(new InvocationResult.Throttled("Too many asynchronous calls: the "
							+ this.bufferSize + " calls function-runtime.async.buffer-size holds are waiting to start"));
				}
			}
		}
		return Optional.of(new InvocationResult.ShuttingDown(
				"The function runtime is shutting down and takes no asynchronous calls"));
	}

	/** @return what the buffer and the workers hold now */
	public AsyncState state() {
		return new AsyncState(this.workers.getQueue().size(), this.bufferSize, this.workers.getActiveCount(),
				this.accepted.get(), this.refused.get());
	}

	@Override
	public synchronized void start() {
		if (this.workers.isShutdown()) {
			this.workers = newWorkers();
			this.abandoned = false;
		}
		this.accepting = true;
	}

	/**
	 * Refuses new calls, lets buffered and running ones end within the grace period, then
	 * answers the ones left to the failure queue.
	 */
	@Override
	public synchronized void stop() {
		this.accepting = false;
		this.workers.shutdown();
		try {
			if (!this.workers.awaitTermination(this.gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
				this.abandoned = true;
				List<Runnable> left = this.workers.shutdownNow();
				logger.warn("{} asynchronous call(s) did not start within the shutdown grace period; each is answered "
						+ "to its failure queue", left.size());
				left.forEach((call) -> ((AsyncCall) call).abandon());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.accepting;
	}

	/** Closes the connections to the queues, after the calls have ended. */
	@Override
	public void destroy() {
		this.workers.shutdownNow();
		if (this.sender != null) {
			this.sender.close();
		}
	}

	private AsyncSettings settingsOf(FunctionDefinition function) {
		return this.settings.getOrDefault(function.entryPoint(), AsyncSettings.NONE);
	}

	private void succeeded(FunctionDefinition function, String requestId, Object value) {
		String queue = settingsOf(function).successQueueUrl();
		if (queue == null) {
			if (this.warnedFunctions.add(function.entryPoint())) {
				logger.warn("The results of asynchronous calls of {} are discarded: set function-runtime.functions[{}]"
						+ ".async-success-queue-url to keep them. Logged once per function.", function.entryPoint(),
						function.entryPoint());
			}
			return;
		}
		send(function, requestId, queue, this.results.success(value), "result");
	}

	private void failed(FunctionDefinition function, String requestId, InvocationResult result, int attempts) {
		String queue = settingsOf(function).failureQueueUrl();
		String body = this.results.failure(result);
		if (queue == null) {
			logger.error("Asynchronous call of {}, RequestID: {}, failed after {} attempt(s) and no failure queue is "
					+ "configured (function-runtime.functions[{}].async-failure-queue-url): {}", function.entryPoint(),
					requestId, attempts, function.entryPoint(), body);
			return;
		}
		send(function, requestId, queue, body, "error");
	}

	private void send(FunctionDefinition function, String requestId, String queue, String body, String what) {
		try {
			this.sender.send(queue, body);
		}
		catch (RuntimeException ex) {
			logger.error("The {} of the asynchronous call of {}, RequestID: {}, could not be sent to {}: {}; it was: {}",
					what, function.entryPoint(), requestId, queue, ex.toString(), body);
		}
	}

	/**
	 * One accepted call, with its attempts: on a worker's thread, never on the thread of
	 * the HTTP request that answered 202.
	 */
	private final class AsyncCall implements Runnable {

		private final FunctionDefinition function;

		private final Object event;

		private final String requestId;

		AsyncCall(FunctionDefinition function, Object event, String requestId) {
			this.function = function;
			this.event = event;
			this.requestId = requestId;
		}

		@Override
		public void run() {
			AsyncSettings settings = settingsOf(this.function);
			String attemptId = this.requestId;
			int attempts = 0;
			while (true) {
				InvocationResult result = AsyncInvocations.this.invoker.invoke(this.function, this.event, attemptId);
				boolean throttled = result instanceof InvocationResult.Throttled;
				if (!throttled) {
					attempts++;
				}
				if (result instanceof InvocationResult.Success success) {
					succeeded(this.function, this.requestId, success.value());
					return;
				}
				boolean again = throttled || attempts <= settings.retries();
				if (!again || AsyncInvocations.this.abandoned
						|| result instanceof InvocationResult.ShuttingDown || !pause(settings.retryDelay())) {
					failed(this.function, this.requestId, result, attempts);
					return;
				}
				attemptId = UUID.randomUUID().toString();
				logger.warn("Asynchronous call of {}, RequestID: {}, {}; attempt {} as RequestID: {}",
						this.function.entryPoint(), this.requestId, throttled ? "was refused, waits for an instance"
								: "failed", attempts + 1, attemptId);
			}
		}

		/** Waits before a retry; an interrupt means the grace period is over. */
		private boolean pause(Duration delay) {
			try {
				Thread.sleep(delay.toMillis());
				return !AsyncInvocations.this.abandoned;
			}
			catch (InterruptedException ex) {
				return false;
			}
		}

		void abandon() {
			failed(this.function, this.requestId, new InvocationResult.ShuttingDown(
					"The function runtime shut down before the asynchronous call could start"), 0);
		}

	}

}
