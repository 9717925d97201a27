package io.functionruntime.internal.invoke;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One instance of a function: its own handler object, created on its first call (the
 * cold start) or at startup when provisioned, and the calls it is serving now.
 */
final class Instance {

	private final Supplier<Object> factory;

	private final Set<Call> calls = ConcurrentHashMap.newKeySet();

	private Object target;

	private int active;

	private boolean retired;

	Instance(Supplier<Object> factory) {
		this.factory = factory;
	}

	/**
	 * Returns the handler object, creating it first on a cold instance.
	 * @return the time the creation took in nanoseconds, or {@code -1} when warm
	 */
	synchronized long initialize() {
		if (this.target != null) {
			return -1;
		}
		long start = System.nanoTime();
		this.target = this.factory.get();
		return System.nanoTime() - start;
	}

	synchronized Object target() {
		return this.target;
	}

	/** Guarded by the pool. */
	int active() {
		return this.active;
	}

	/** Guarded by the pool. */
	void enter() {
		this.active++;
	}

	/** Guarded by the pool. */
	void leave() {
		this.active--;
	}

	/** Guarded by the pool. */
	boolean isRetired() {
		return this.retired;
	}

	/** Guarded by the pool. */
	void retire() {
		this.retired = true;
	}

	void track(Call call) {
		this.calls.add(call);
	}

	void untrack(Call call) {
		this.calls.remove(call);
	}

	/** Aborts every call of this instance, as the cloud does when one of them times out. */
	void abortCalls() {
		this.calls.forEach(Call::abort);
	}

}
