package io.functionruntime.invoke;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;

/**
 * The threads handlers run on, and their asynchronous continuations when they use the
 * context's executor. A thread is taken per running call, so a handler stuck past its
 * deadline holds only its own thread; idle threads are dropped after a minute.
 */
public class WorkerThreads implements Executor, DisposableBean {

	private final ThreadPoolExecutor pool;

	public WorkerThreads() {
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "function-worker-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	@Override
	public void execute(Runnable task) {
		this.pool.execute(task);
	}

	/** Interrupts what still runs when the application is closed. */
	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

}
