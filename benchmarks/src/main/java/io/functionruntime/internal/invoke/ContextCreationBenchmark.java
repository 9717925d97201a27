package io.functionruntime.internal.invoke;

import java.util.concurrent.TimeUnit;

import io.functionruntime.Context;
import io.functionruntime.autoconfigure.BenchRuntime;
import io.functionruntime.bench.BenchLogging;
import io.functionruntime.bench.NoOpHandler;
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
 * Context creation (SPEC §5) as the controller does it for every call, without a token
 * (the sample's default).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ContextCreationBenchmark {

	private BenchRuntime runtime;

	private FunctionDefinition function;

	@Setup
	public void setUp() {
		BenchLogging.configure("WARN");
		this.runtime = new BenchRuntime();
		this.function = this.runtime.function(NoOpHandler.ENTRY_POINT);
	}

	@TearDown
	public void tearDown() {
		this.runtime.close();
	}

	@Benchmark
	public Context createContext() {
		long timeout = this.function.settings().timeout().toNanos();
		return this.runtime.contextFactory.create(this.function, "6e8356f9-489b-4c7b-8ba6-c8cd00000000",
				System.currentTimeMillis() + timeout / 1_000_000);
	}

}
