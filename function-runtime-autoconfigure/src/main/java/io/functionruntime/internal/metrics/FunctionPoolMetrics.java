package io.functionruntime.internal.metrics;

import java.util.function.ToIntFunction;

import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.invoke.PoolState;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges of every function's instances and line: {@value #INSTANCES} by {@code state}
 * ({@code busy}, {@code idle}, {@code retired}) and {@value #QUEUED}. They read the pool's
 * state when they are scraped, not on the call path.
 */
public final class FunctionPoolMetrics implements MeterBinder {

	/** Gauge of the instances of a function, tagged with their state. */
	public static final String INSTANCES = "function.instances";

	/** Gauge of the calls of a function waiting for an instance. */
	public static final String QUEUED = "function.queued";

	private final FunctionRegistry registry;

	private final FunctionInvoker invoker;

	public FunctionPoolMetrics(FunctionRegistry registry, FunctionInvoker invoker) {
		this.registry = registry;
		this.invoker = invoker;
	}

	@Override
	public void bindTo(MeterRegistry meterRegistry) {
		for (String function : this.registry.functions().keySet()) {
			Tags tags = Tags.of("function", function);
			instances(meterRegistry, function, tags, "busy", PoolState::busy);
			instances(meterRegistry, function, tags, "idle", PoolState::idle);
			instances(meterRegistry, function, tags, "retired", PoolState::retired);
			Gauge.builder(QUEUED, this.invoker, (invoker) -> invoker.state(function).queued())
				.description("Calls of the function waiting for an instance")
				.baseUnit("calls")
				.tags(tags)
				.register(meterRegistry);
		}
	}

	private void instances(MeterRegistry meterRegistry, String function, Tags tags, String state,
			ToIntFunction<PoolState> count) {
		Gauge.builder(INSTANCES, this.invoker, (invoker) -> count.applyAsInt(invoker.state(function)))
			.description("Instances of the function: busy and idle ones in service, retired ones still running calls")
			.baseUnit("instances")
			.tags(tags.and("state", state))
			.register(meterRegistry);
	}

}
