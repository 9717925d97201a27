package io.functionruntime.invoke;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.functionruntime.registry.FunctionSettings;

/**
 * The instances of one function and the permits that guard them.
 * <p>
 * A call first counts against {@code requests-limit} (in flight plus queued), then waits
 * in FIFO order, until its deadline at most, for one of {@code instances-limit ×
 * concurrency} permits; holding one, it takes an instance with room or starts a new one.
 * A permit comes back only when its call really ends, so a retired instance keeps the
 * capacity its stuck calls occupy and nothing new ever enters it.
 */
final class InstancePool {

	private final Supplier<Object> factory;

	private final int concurrency;

	private final int requestsLimit;

	private final Semaphore permits;

	private final AtomicInteger admitted = new AtomicInteger();

	private final List<Instance> instances = new ArrayList<>();

	InstancePool(Supplier<Object> factory, FunctionSettings settings) {
		this.factory = factory;
		this.concurrency = settings.concurrency();
		this.requestsLimit = settings.requestsLimit();
		this.permits = new Semaphore(settings.instancesLimit() * settings.concurrency(), true);
		for (int i = 0; i < settings.provisionedInstances(); i++) {
			Instance instance = new Instance(factory);
			instance.initialize();
			this.instances.add(instance);
		}
	}

	/**
	 * Takes an instance for one call.
	 * @param deadlineNanos the {@link System#nanoTime()} at which the call times out
	 * @return the instance, already counting the call
	 * @throws CallRejectedException over the requests limit, or when no instance came
	 * free before the deadline
	 */
	Instance acquire(long deadlineNanos) throws CallRejectedException {
		if (this.admitted.incrementAndGet() > this.requestsLimit) {
			this.admitted.decrementAndGet();
			throw new CallRejectedException("Too many requests: the function's requests limit of "
					+ this.requestsLimit + " calls in flight or queued is reached");
		}
		if (!awaitPermit(deadlineNanos)) {
			this.admitted.decrementAndGet();
			throw new CallRejectedException("Too many requests: no instance of the function became free "
					+ "before the call's deadline");
		}
		return assign();
	}

	private boolean awaitPermit(long deadlineNanos) {
		try {
			return this.permits.tryAcquire(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private synchronized Instance assign() {
		for (Instance instance : this.instances) {
			if (instance.active() < this.concurrency) {
				instance.enter();
				return instance;
			}
		}
		Instance created = new Instance(this.factory);
		created.enter();
		this.instances.add(created);
		return created;
	}

	/**
	 * Gives back what {@link #acquire} took, once the call has really ended.
	 * @param instance the instance of the call
	 */
	void release(Instance instance) {
		synchronized (this) {
			instance.leave();
		}
		this.permits.release();
		this.admitted.decrementAndGet();
	}

	/**
	 * Takes an instance out of service after a timeout or an {@link Error}. Its permits
	 * return as its calls end; a new instance replaces it on demand.
	 * @param instance the instance
	 * @param abortCalls whether its other calls end now too, as after a timeout
	 */
	void retire(Instance instance, boolean abortCalls) {
		synchronized (this) {
			if (!instance.isRetired()) {
				instance.retire();
				this.instances.remove(instance);
			}
		}
		if (abortCalls) {
			instance.abortCalls();
		}
	}

	/** @return the instances in service */
	synchronized int size() {
		return this.instances.size();
	}

}
