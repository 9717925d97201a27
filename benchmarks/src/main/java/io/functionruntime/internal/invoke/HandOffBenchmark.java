package io.functionruntime.internal.invoke;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.functionruntime.internal.invoke.FunctionInvoker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Control for {@link InvokerBenchmark}, with JDK classes only: a no-op task handed to a
 * cached thread pool over a {@code SynchronousQueue} and its result awaited with a
 * timeout, as {@code FunctionInvoker} runs every call. It is the floor of any design that
 * runs the handler on a worker thread while the servlet thread waits.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class HandOffBenchmark {

	private static final Object RESULT = new Object();

	private ExecutorService workers;

	@Setup
	public void setUp() {
		this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "hand-off-worker");
					thread.setDaemon(true);
					return thread;
				});
	}

	@TearDown
	public void tearDown() {
		this.workers.shutdownNow();
	}

	@Benchmark
	public Object workerRoundTrip() throws Exception {
		CompletableFuture<Object> outcome = new CompletableFuture<>();
		this.workers.execute(() -> outcome.complete(RESULT));
		return outcome.get(3, TimeUnit.SECONDS);
	}

}
