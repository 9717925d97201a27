package io.functionruntime.internal.invoke;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.functionruntime.autoconfigure.BenchRuntime;
import io.functionruntime.bench.BenchLogging;
import io.functionruntime.bench.NoOpHandler;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.registry.FunctionDefinition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The invoker alone, with the event already bound: requests limit, a permit and an
 * instance from the pool, the hand-over to a worker thread and the wait for its outcome,
 * the release, and START/END/REPORT at WARN (off). The difference between this and the
 * whole dispatch is mapping, binding and writing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class InvokerBenchmark {

	private BenchRuntime runtime;

	private FunctionDefinition function;

	private Map<String, Object> event;

	@Setup
	public void setUp() {
		BenchLogging.configure("WARN");
		this.runtime = new BenchRuntime();
		this.function = this.runtime.function(NoOpHandler.ENTRY_POINT);
		this.event = new HashMap<>(Map.of("httpMethod", "POST", "body", "{\"hello\": \"world\"}"));
	}

	@TearDown
	public void tearDown() {
		this.runtime.close();
	}

	@Benchmark
	public InvocationResult invokeNoOp() {
		InvocationResult result = this.runtime.invoker.invoke(this.function, this.event,
				"6e8356f9-489b-4c7b-8ba6-c8cd00000000");
		if (!(result instanceof InvocationResult.Success)) {
			throw new IllegalStateException("The no-op call ended " + result);
		}
		return result;
	}

}
