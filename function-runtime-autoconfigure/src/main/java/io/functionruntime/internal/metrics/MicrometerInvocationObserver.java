package io.functionruntime.internal.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.invoke.InvocationObserver;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.invoke.Outcome;
import io.functionruntime.metrics.DefaultFunctionObservationConvention;
import io.functionruntime.metrics.FunctionObservationContext;
import io.functionruntime.metrics.FunctionObservationConvention;
import io.functionruntime.registry.FunctionDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Observes every function call with Micrometer: an {@link Observation} from arrival until
 * the answer went out, which Boot turns into the {@value DefaultFunctionObservationConvention#NAME}
 * timer and, with tracing, a span; and the timers {@value #QUEUE_WAIT} and {@value #INIT},
 * recorded from the figures the invoker measured. The observation is current on the
 * caller's thread, which runs the handler, so that the runtime's own log lines carry its
 * trace and spans the handler opens are children of the call's.
 */
public final class MicrometerInvocationObserver implements InvocationObserver {

	/** Timer of the time calls wait for an instance. */
	public static final String QUEUE_WAIT = "function.queue.wait";

	/** Timer of the creation of handler objects, the cold starts. */
	public static final String INIT = "function.init";

	private static final FunctionObservationConvention DEFAULT_CONVENTION = new DefaultFunctionObservationConvention();

	private final ObservationRegistry observationRegistry;

	private final FunctionObservationConvention convention;

	private final Map<String, Timers> timers = new HashMap<>();

	/**
	 * Creates the observer and registers the timers of every function.
	 * @param registry the functions
	 * @param meterRegistry where the timers go
	 * @param observationRegistry where the observations go
	 * @param convention a convention that replaces the default one, or {@code null}
	 */
	public MicrometerInvocationObserver(FunctionRegistry registry, MeterRegistry meterRegistry,
			ObservationRegistry observationRegistry, FunctionObservationConvention convention) {
		this.observationRegistry = observationRegistry;
		this.convention = convention;
		for (String function : registry.functions().keySet()) {
			this.timers.put(function, new Timers(
					Timer.builder(QUEUE_WAIT)
						.description("Time calls of the function waited for an instance")
						.tag("function", function)
						.register(meterRegistry),
					Timer.builder(INIT)
						.description("Time the function's handler objects took to be created (cold starts)")
						.tag("function", function)
						.register(meterRegistry)));
		}
	}

	@Override
	public Invocation start(FunctionDefinition function) {
		FunctionObservationContext context = new FunctionObservationContext(function);
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		return new ObservedInvocation(observation, observation.openScope(), context, this.timers.get(function.entryPoint()));
	}

	private record Timers(Timer queueWait, Timer init) {
	}

	private record ObservedInvocation(Observation observation, Observation.Scope scope,
			FunctionObservationContext context, Timers timers) implements Invocation {

		@Override
		public void ran(long queueNanos, long initNanos) {
			this.timers.queueWait().record(queueNanos, TimeUnit.NANOSECONDS);
			if (initNanos >= 0) {
				this.timers.init().record(initNanos, TimeUnit.NANOSECONDS);
			}
		}

		@Override
		public void ended(InvocationResult result, Outcome outcome) {
			this.context.setOutcome(outcome);
			if (result instanceof InvocationResult.Failure failure) {
				this.observation.error(failure.error());
			}
			this.scope.close();
			this.observation.stop();
		}

	}

}
