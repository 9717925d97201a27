package io.functionruntime.internal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import io.functionruntime.HttpEvent;
import io.functionruntime.autoconfigure.BenchRuntime;
import io.functionruntime.bench.BenchLogging;
import io.functionruntime.bench.NoOpHandler;
import io.functionruntime.bench.SeedRequest;
import io.functionruntime.internal.registry.HandlerAdapter;
import io.functionruntime.internal.web.HttpEventMapper;
import io.functionruntime.internal.web.QueryString;
import io.functionruntime.internal.web.RequestBody;
import io.functionruntime.internal.web.RequestIds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Event mapping of the seed's request (SPEC §3): the query parsed, the body read, the
 * headers canonicalised and completed, the event built; then, as for the sample's
 * {@code main.handler}, which takes a {@code Map}, the event bound to that map.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class EventMappingBenchmark {

	private BenchRuntime runtime;

	private HandlerAdapter mapHandler;

	private MockHttpServletRequest request;

	@Setup
	public void setUp() {
		BenchLogging.configure("WARN");
		this.runtime = new BenchRuntime();
		this.mapHandler = this.runtime.function(NoOpHandler.ENTRY_POINT).adapter();
		this.request = SeedRequest.create(NoOpHandler.ENTRY_POINT);
	}

	@TearDown
	public void tearDown() {
		this.runtime.close();
	}

	/** Query, body and event: what every call in HTTP mode pays. */
	@Benchmark
	public HttpEvent toEvent() {
		return mapEvent();
	}

	/** The same, then the event bound to {@code Map<String, Object>} as the handler takes it. */
	@Benchmark
	public Object toEventBoundToMap() {
		return this.runtime.eventBinder.bindHttp(mapEvent(), this.mapHandler);
	}

	private HttpEvent mapEvent() {
		SeedRequest.rewind(this.request); // two field writes: a fresh body stream, as a new request has
		QueryString query = QueryString.parse(this.request.getQueryString());
		RequestBody body = new RequestBody(this.request,
				HttpEventMapper.bodyLimit(this.request, this.runtime.maxEventSize),
				() -> RequestRejectedException.tooLarge("over " + this.runtime.maxEventSize + " bytes"));
		try {
			body.readArrived(this.request.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.runtime.eventMapper.toEvent(this.request, query, body.bytes(), RequestIds.next(),
				System.currentTimeMillis());
	}

}
