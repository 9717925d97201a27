package io.functionruntime.internal.invoke;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the calls that are running and fires the deadline of each on one thread, which
 * sleeps until the earliest deadline. A call costs an insertion and a removal, not a
 * wake-up of that thread: the calls of a function share one timeout, so a new call's
 * deadline is never earlier than those already waiting, and the thread is woken only for
 * a call due earlier than it planned to wake, or when it had nothing to wait for. A
 * scheduled executor, by contrast, signals its thread whenever a task becomes the first in
 * line, which at one call at a time is every call.
 *
 * @param <T> what is timed
 */
final class DeadlineTimer<T extends DeadlineTimer.Timed> implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DeadlineTimer.class);

	private final Set<T> waiting = ConcurrentHashMap.newKeySet();

	private final Consumer<T> onDeadline;

	private final Thread thread;

	/** When the thread wakes next, in {@link System#nanoTime()}; valid while not {@link #idle}. */
	private volatile long wakeNanos;

	/** Whether the thread waits for no deadline, or is looking for the next one. */
	private volatile boolean idle = true;

	private volatile boolean closed;

	/**
	 * Starts the timer's thread.
	 * @param threadName the name of the thread
	 * @param onDeadline what happens to a call whose deadline has come, on the timer's
	 * thread; the call is no longer held by then
	 */
	DeadlineTimer(String threadName, Consumer<T> onDeadline) {
		this.onDeadline = onDeadline;
		this.thread = new Thread(this::fireUntilClosed, threadName);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Holds a call until its deadline or its {@link #remove(Timed) removal}.
	 * @param timed the call
	 */
	void add(T timed) {
		this.waiting.add(timed);
		if (this.idle || timed.deadlineNanos() - this.wakeNanos < 0) {
			LockSupport.unpark(this.thread);
		}
	}

	/**
	 * Lets go of a call that ended before its deadline.
	 * @param timed the call
	 */
	void remove(T timed) {
		this.waiting.remove(timed);
	}

	/** @return the calls held now */
	Stream<T> waiting() {
		return this.waiting.stream();
	}

	/** Stops the thread; the calls still held are left to their callers. */
	@Override
	public void close() {
		this.closed = true;
		LockSupport.unpark(this.thread);
	}

	/**
	 * Fires every deadline that has come, then sleeps until the next one. While it looks
	 * for the next one it counts as idle, so that a call added meanwhile wakes it at once
	 * (a permit that makes its next park return) rather than being missed.
	 */
	private void fireUntilClosed() {
		while (!this.closed) {
			this.idle = true;
			long now = System.nanoTime();
			boolean any = false;
			long next = 0;
			for (T timed : this.waiting) {
				long deadline = timed.deadlineNanos();
				if (deadline - now <= 0) {
					if (this.waiting.remove(timed)) {
						fire(timed);
					}
				}
				else if (!any || deadline - next < 0) {
					next = deadline;
					any = true;
				}
			}
			if (any) {
				this.wakeNanos = next;
				this.idle = false;
				LockSupport.parkNanos(this, next - System.nanoTime());
			}
			else {
				LockSupport.park(this);
			}
		}
	}

	private void fire(T timed) {
		try {
			this.onDeadline.accept(timed);
		}
		catch (RuntimeException ex) {
			logger.error("A call's deadline could not be handled", ex);
		}
	}

	/** Something with a deadline. */
	interface Timed {

		/** @return the deadline, in {@link System#nanoTime()} */
		long deadlineNanos();

	}

}
