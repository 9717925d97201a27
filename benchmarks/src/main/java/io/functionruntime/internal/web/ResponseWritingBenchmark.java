package io.functionruntime.internal.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.functionruntime.autoconfigure.BenchRuntime;
import io.functionruntime.bench.BenchLogging;
import io.functionruntime.bench.BenchResponse;
import io.functionruntime.bench.SeedHandler;
import io.functionruntime.bench.SeedRequest;
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
 * Response writing (SPEC §6) of a typical handler result: {@code {statusCode, headers,
 * body}} as a {@code Map}, the body being the JSON text the seed's handler answers for the
 * seed's request (about 1.5 KB), read as a response, checked, and written with the
 * runtime's identity headers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ResponseWritingBenchmark {

	private BenchRuntime runtime;

	private FunctionDefinition function;

	private InvocationResult result;

	private BenchResponse response;

	@Setup
	public void setUp() throws IOException {
		BenchLogging.configure("WARN");
		this.runtime = new BenchRuntime();
		this.function = this.runtime.function(SeedHandler.ENTRY_POINT);
		BenchResponse seedAnswer = new BenchResponse();
		this.runtime.controller.handleRequest(SeedRequest.create(SeedHandler.ENTRY_POINT), seedAnswer);
		if (seedAnswer.getStatus() != 200) {
			throw new IllegalStateException("The seed call answered " + seedAnswer.getStatus());
		}
		this.result = new InvocationResult.Success(Map.of("statusCode", 200, "headers",
				Map.of("Content-Type", "application/json"), "body", seedAnswer.getContentAsString()));
		this.response = new BenchResponse();
	}

	@TearDown
	public void tearDown() {
		this.runtime.close();
	}

	@Benchmark
	public BenchResponse writeTypicalResponse() throws IOException {
		this.response.recycle();
		this.runtime.responseWriter.identify(this.response, this.function);
		this.runtime.responseWriter.write(this.response, this.function, this.result, false,
				"6e8356f9-489b-4c7b-8ba6-c8cd00000000");
		return this.response;
	}

}
