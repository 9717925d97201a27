package io.functionruntime.internal.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.functionruntime.autoconfigure.BenchRuntime;
import io.functionruntime.bench.BenchLogging;
import io.functionruntime.bench.BenchResponse;
import io.functionruntime.bench.NoOpHandler;
import io.functionruntime.bench.SeedHandler;
import io.functionruntime.bench.SeedRequest;
import io.functionruntime.internal.web.FunctionController;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.mock.web.MockHttpServletRequest;

/**
 * One whole call in process, as the servlet hands it to {@link FunctionController}: route,
 * request id, query, body, event, binding to the handler's {@code Map}, context, instance
 * from the pool, the handler on a worker thread and back, START/END/REPORT, response
 * checked and written. {@code noOpHandler} is the runtime's own cost; {@code seedHandler}
 * adds the work of the sample's {@code main.handler} (serialising the event and context).
 * {@code routerLog=INFO} is the default logging: START/END/REPORT handed to the background
 * writer, which formats them into a discarding stream on its own thread; {@code INFO_SYNC}
 * formats them on the calling thread ({@code function-runtime.router-log.async=false});
 * {@code WARN} switches them off.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DispatchBenchmark {

	@Param({ "WARN", "INFO", "INFO_SYNC" })
	public String routerLog;

	/**
	 * {@code calling}: the request supports asynchronous answers, as the servlet container's
	 * do, so the handler runs on the calling thread; {@code worker} (with
	 * {@code -p thread=worker}): it does not, so the call is handed to a worker thread and
	 * back.
	 */
	@Param({ "calling" })
	public String thread;

	private BenchRuntime runtime;

	private MockHttpServletRequest noOpRequest;

	private MockHttpServletRequest seedRequest;

	private BenchResponse response;

	@Setup
	public void setUp() throws IOException {
		BenchLogging.configure(this.routerLog.startsWith("INFO") ? "INFO" : this.routerLog);
		this.runtime = new BenchRuntime(!this.routerLog.equals("INFO_SYNC"));
		this.noOpRequest = SeedRequest.create(NoOpHandler.ENTRY_POINT);
		this.seedRequest = SeedRequest.create(SeedHandler.ENTRY_POINT);
		this.noOpRequest.setAsyncSupported(this.thread.equals("calling"));
		this.seedRequest.setAsyncSupported(this.thread.equals("calling"));
		this.response = new BenchResponse();
		check(call(this.noOpRequest), "{\"ok\":true}");
		check(call(this.seedRequest), "\"body\":\"{\\\"hello\\\": \\\"world\\\"}\"");
	}

	private static void check(BenchResponse response, String expected) throws IOException {
		String body = response.getContentAsString();
		if (response.getStatus() != 200 || !body.contains(expected)) {
			throw new IllegalStateException("Unexpected answer " + response.getStatus() + ": " + body);
		}
	}

	@TearDown
	public void tearDown() {
		this.runtime.close();
	}

	@Benchmark
	public BenchResponse noOpHandler() throws IOException {
		return call(this.noOpRequest);
	}

	@Benchmark
	public BenchResponse seedHandler() throws IOException {
		return call(this.seedRequest);
	}

	private BenchResponse call(MockHttpServletRequest request) throws IOException {
		SeedRequest.rewind(request);
		this.response.recycle();
		this.runtime.controller.handleRequest(request, this.response);
		return this.response;
	}

}
