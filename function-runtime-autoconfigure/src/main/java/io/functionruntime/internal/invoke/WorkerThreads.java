package io.functionruntime.internal.invoke;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run handlers' asynchronous continuations when they use the context's
 * executor. A thread is taken per task, so a continuation stuck past its call's deadline
 * holds only its own thread; idle threads are dropped after a minute, and what still runs
 * is interrupted when the application context closes.
 */
public class WorkerThreads implements Executor, DisposableBean {

	private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

	public WorkerThreads() {
		this.pool.setThreadNamePrefix("function-worker-");
		this.pool.setDaemon(true);
		this.pool.setCorePoolSize(0);
		this.pool.setQueueCapacity(0);
		this.pool.setKeepAliveSeconds(60);
		this.pool.initialize();
	}

	@Override
	public void execute(Runnable task) {
		this.pool.execute(task);
	}

	@Override
	public void destroy() {
		this.pool.shutdown();
	}

}
