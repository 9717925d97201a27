package io.functionruntime.internal.invoke;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.functionruntime.internal.invoke.CallRejectedException.Reason;
import io.functionruntime.registry.FunctionSettings;

import org.springframework.core.NestedExceptionUtils;

/**
 * The instances of one function and the permits that guard them.
 * <p>
 * A call first counts against {@code requests-limit} (in flight plus queued), then waits
 * in FIFO order, until its deadline at most, for one of {@code instances-limit ×
 * concurrency} permits; holding one, it takes an instance with room or starts a new one.
 * A permit comes back only when its call really ends, so a retired instance keeps the
 * capacity its stuck calls occupy and nothing new ever enters it. Closing the pool turns
 * away new calls and the queued ones at once. Handler objects that fail to be created are
 * counted until one is, so that a health check can tell a function that cannot start.
 */
final class InstancePool {

	private final Supplier<Object> factory;

	private final int concurrency;

	private final int requestsLimit;

	private final int provisionedInstances;

	private final AtomicInteger admitted = new AtomicInteger();

	private final List<Instance> instances = new ArrayList<>();

	private final List<Instance> retired = new ArrayList<>();

	private final AtomicInteger failedInits = new AtomicInteger();

	private volatile String lastInitFailure;

	private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();

	private int freePermits;

	private boolean closed;

	InstancePool(Supplier<Object> factory, FunctionSettings settings) {
		this.factory = factory;
		this.concurrency = settings.concurrency();
		this.requestsLimit = settings.requestsLimit();
		this.freePermits = settings.instancesLimit() * settings.concurrency();
		this.provisionedInstances = settings.provisionedInstances();
		provision();
	}

	/** Creates and initialises the provisioned instances. */
	private void provision() {
		for (int i = 0; i < this.provisionedInstances; i++) {
			Instance instance = new Instance(this::create);
			instance.initialize();
			synchronized (this) {
				this.instances.add(instance);
			}
		}
	}

	/**
	 * Creates the handler object of an instance, keeping count of the creations that fail
	 * in a row.
	 */
	private Object create() {
		try {
			Object target = this.factory.get();
			this.lastInitFailure = null;
			this.failedInits.set(0);
			return target;
		}
		catch (RuntimeException | Error ex) {
			this.lastInitFailure = describe(ex);
			this.failedInits.incrementAndGet();
			throw ex;
		}
	}

	/** Names the innermost cause, which says why; a message that cannot be read is left out. */
	private static String describe(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		String message;
		try {
			message = cause.getMessage();
		}
		catch (RuntimeException ex) {
			message = null;
		}
		return cause.getClass().getName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * Takes an instance for one call, waiting in line until the deadline at most.
	 * @param deadlineNanos the {@link System#nanoTime()} at which the call times out
	 * @return the instance, already counting the call
	 * @throws CallRejectedException over the requests limit, when no instance came free
	 * before the deadline, or when the pool is closed
	 */
	Instance acquire(long deadlineNanos) throws CallRejectedException {
		if (this.admitted.incrementAndGet() > this.requestsLimit) {
			this.admitted.decrementAndGet();
			throw new CallRejectedException(Reason.TOO_MANY_REQUESTS, "Too many requests: the function's requests "
					+ "limit of " + this.requestsLimit + " calls in flight or queued is reached");
		}
		try {
			awaitPermit(deadlineNanos);
		}
		catch (CallRejectedException ex) {
			this.admitted.decrementAndGet();
			throw ex;
		}
		return assign();
	}

	private void awaitPermit(long deadlineNanos) throws CallRejectedException {
		CompletableFuture<Void> turn;
		synchronized (this) {
			if (this.closed) {
				throw shuttingDown();
			}
			if (this.freePermits > 0 && this.waiters.isEmpty()) {
				this.freePermits--;
				return;
			}
			turn = new CompletableFuture<>();
			this.waiters.add(turn);
		}
		try {
			turn.get(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw shuttingDown();
		}
		catch (TimeoutException | InterruptedException ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			giveUp(turn);
		}
	}

	/** Leaves the line at the deadline, unless the permit was handed over meanwhile. */
	private void giveUp(CompletableFuture<Void> turn) throws CallRejectedException {
		synchronized (this) {
			if (!this.waiters.remove(turn) && !turn.isCompletedExceptionally()) {
				return;
			}
		}
		throw new CallRejectedException(Reason.TOO_MANY_REQUESTS,
				"Too many requests: no instance of the function became free before the call's deadline");
	}

	private synchronized Instance assign() {
		for (Instance instance : this.instances) {
			if (instance.active() < this.concurrency) {
				instance.enter();
				return instance;
			}
		}
		Instance created = new Instance(this::create);
		created.enter();
		this.instances.add(created);
		return created;
	}

	/**
	 * Gives back what {@link #acquire} took, once the call has really ended: the permit goes
	 * to the first call in line, if any.
	 * @param instance the instance of the call
	 */
	void release(Instance instance) {
		synchronized (this) {
			instance.leave();
			if (instance.isRetired() && instance.active() == 0) {
				this.retired.remove(instance);
			}
			CompletableFuture<Void> next = this.waiters.poll();
			if (next != null) {
				next.complete(null);
			}
			else {
				this.freePermits++;
			}
		}
		this.admitted.decrementAndGet();
	}

	/**
	 * Takes an instance out of service after a timeout, an {@link Error} or a failed start.
	 * Its permits return as its calls end; a new instance replaces it on demand.
	 * @param instance the instance
	 * @param abortCalls whether its other calls end now too, as after a timeout
	 */
	void retire(Instance instance, boolean abortCalls) {
		synchronized (this) {
			if (!instance.isRetired()) {
				instance.retire();
				this.instances.remove(instance);
				if (instance.active() > 0) {
					this.retired.add(instance);
				}
			}
		}
		if (abortCalls) {
			instance.abortCalls();
		}
	}

	/**
	 * Takes every instance out of service and provisions anew, as a new deployment would,
	 * so that later calls get new handler objects; calls still running end on their retired
	 * instances.
	 */
	void reset() {
		List<Instance> current;
		synchronized (this) {
			current = new ArrayList<>(this.instances);
		}
		current.forEach((instance) -> retire(instance, false));
		provision();
	}

	/**
	 * Turns away every later call and every call still in line; calls already running go
	 * on.
	 */
	void close() {
		List<CompletableFuture<Void>> turnedAway;
		synchronized (this) {
			this.closed = true;
			turnedAway = new ArrayList<>(this.waiters);
			this.waiters.clear();
		}
		turnedAway.forEach((turn) -> turn.completeExceptionally(shuttingDown()));
	}

	/** Takes calls again after {@link #close()}. */
	synchronized void open() {
		this.closed = false;
	}

	private static CallRejectedException shuttingDown() {
		return new CallRejectedException(Reason.SHUTTING_DOWN,
				"The function runtime is shutting down and takes no new calls");
	}


	/** @return what the instances and calls of the function are doing now */
	synchronized PoolState state() {
		int busy = 0;
		for (Instance instance : this.instances) {
			if (instance.active() > 0) {
				busy++;
			}
		}
		int queued = this.waiters.size();
		return new PoolState(busy, this.instances.size() - busy, this.retired.size(),
				Math.max(0, this.admitted.get() - queued), queued, this.failedInits.get(), this.lastInitFailure);
	}

}
