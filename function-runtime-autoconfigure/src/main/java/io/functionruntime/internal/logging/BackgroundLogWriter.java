package io.functionruntime.internal.logging;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.MDC;

/**
 * Writes log lines on one background thread, in the order they were handed over, each with
 * the MDC its caller had. Under load, request threads that log three lines per call each
 * queue for the appender's lock and its write to the console; handing the lines over costs
 * them a queue insertion instead. When no line waits and no thread writes, as with one call
 * at a time, the caller writes its line itself at once: that costs less than a hand-over
 * and a wake-up of the thread, and the line keeps its place among the caller's own.
 * <p>
 * While there is work the thread waits a millisecond between batches rather than being
 * woken for every line, and it sleeps when there is none. At most {@code capacity} lines
 * wait, so no line is ever dropped: beyond that a caller writes a few of the oldest lines
 * itself, which keeps the order, or waits while another thread writes. Under a load that
 * keeps every core busy the background thread gets only its share of them, so the callers
 * must help, rather than each wait for it. {@link #close()} writes what is left; lines
 * handed over after that are written on the caller's thread.
 */
public final class BackgroundLogWriter implements Executor, AutoCloseable {

	private static final long BATCH_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final long HELP_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

	private static final int HELP_BATCH = 32;

	private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

	private final Queue<Runnable> lines = new ConcurrentLinkedQueue<>();

	private final AtomicInteger waiting = new AtomicInteger();

	private final ReentrantLock writeLock = new ReentrantLock();

	private final int capacity;

	private final Thread thread;

	private volatile boolean sleeping;

	private volatile boolean closed;

	/**
	 * Starts the writer's thread.
	 * @param threadName the name of the thread, which log patterns may show
	 * @param capacity how many lines may wait before callers help write them
	 */
	public BackgroundLogWriter(String threadName, int capacity) {
		this(threadName, capacity, true);
	}

	/**
	 * Creates the writer, with its thread started or, for tests of what callers do alone,
	 * not.
	 */
	BackgroundLogWriter(String threadName, int capacity, boolean start) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, but is " + capacity);
		}
		this.capacity = capacity;
		this.thread = new Thread(this::writeUntilClosed, threadName);
		this.thread.setDaemon(true);
		if (start) {
			this.thread.start();
		}
	}

	/**
	 * Writes a line at once when nothing else is being written, otherwise hands it over to
	 * be written with the caller's MDC.
	 * @param line what writes the line
	 */
	@Override
	public void execute(Runnable line) {
		if (writeAtOnce(line)) {
			return;
		}
		Map<String, String> mdc = MDC.getCopyOfContextMap();
		Runnable write = () -> writeWithMdc(line, mdc);
		while (this.waiting.get() >= this.capacity && !this.closed) {
			if (!writeOldestLines()) {
				LockSupport.parkNanos(this, HELP_PAUSE_NANOS);
			}
		}
		this.lines.add(write);
		this.waiting.incrementAndGet();
		if (this.closed) {
			writeWaitingLines();
		}
		else if (this.sleeping) {
			LockSupport.unpark(this.thread);
		}
	}

	/**
	 * Writes a line on the caller's thread if no line waits and no thread writes; checked
	 * again under the lock, so that a line never overtakes one handed over before it.
	 * @return whether the line was written
	 */
	private boolean writeAtOnce(Runnable line) {
		if (this.closed || !this.lines.isEmpty() || !this.writeLock.tryLock()) {
			return false;
		}
		try {
			if (!this.lines.isEmpty()) {
				return false;
			}
			writeReportingFailure(line);
			return true;
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Writes the lines still waiting and stops the thread. It waits a few seconds at most
	 * for a write in progress, so that a blocked console cannot hold the shutdown.
	 * @throws InterruptedException when interrupted while waiting for the thread
	 */
	@Override
	public void close() throws InterruptedException {
		this.closed = true;
		LockSupport.unpark(this.thread);
		this.thread.join(CLOSE_TIMEOUT_MILLIS);
		writeWaitingLines();
	}

	private void writeUntilClosed() {
		while (!this.closed) {
			writeWaitingLines();
			LockSupport.parkNanos(this, BATCH_PAUSE_NANOS);
			if (this.lines.isEmpty()) {
				this.sleeping = true;
				if (this.lines.isEmpty() && !this.closed) {
					LockSupport.park(this);
				}
				this.sleeping = false;
			}
		}
		writeWaitingLines();
	}

	/**
	 * Writes every waiting line. With none it leaves the lock alone, so that the thread
	 * waking up never makes a caller hand over a line it could have written at once.
	 */
	private void writeWaitingLines() {
		if (this.lines.isEmpty()) {
			return;
		}
		this.writeLock.lock();
		try {
			writeOldest(Integer.MAX_VALUE);
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/**
	 * Writes a few of the oldest lines on the caller's thread, unless another thread is
	 * writing.
	 * @return whether this thread wrote
	 */
	private boolean writeOldestLines() {
		if (!this.writeLock.tryLock()) {
			return false;
		}
		try {
			writeOldest(HELP_BATCH);
			return true;
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/** Writes up to {@code max} of the oldest lines; the caller holds the write lock. */
	private void writeOldest(int max) {
		Runnable line;
		for (int i = 0; i < max && (line = this.lines.poll()) != null; i++) {
			this.waiting.decrementAndGet();
			line.run();
		}
	}

	/**
	 * Writes one line with its caller's MDC. A caller's thread that helps write gets its own
	 * MDC back; the writer's own thread has none to keep.
	 */
	private void writeWithMdc(Runnable line, Map<String, String> mdc) {
		boolean own = Thread.currentThread() == this.thread;
		Map<String, String> previous = own ? null : MDC.getCopyOfContextMap();
		setMdc(mdc);
		try {
			writeReportingFailure(line);
		}
		finally {
			if (!own) {
				setMdc(previous);
			}
		}
	}

	/**
	 * Writes one line. A line whose writing fails is reported on the standard error stream,
	 * the last place left, and the lines after it are still written.
	 */
	private static void writeReportingFailure(Runnable line) {
		try {
			line.run();
		}
		catch (RuntimeException ex) {
			System.err.println("function-runtime: a log line could not be written: " + ex);
		}
	}

	private static void setMdc(Map<String, String> mdc) {
		if (mdc != null) {
			MDC.setContextMap(mdc);
		}
		else {
			MDC.clear();
		}
	}

}
