package io.functionruntime.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.functionruntime.invoke.Outcome;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Observes a function call as {@value #NAME}, tagged with the {@code function} (its entry
 * point) and the {@code outcome} ({@code success}, {@code error}, {@code timeout},
 * {@code throttled}, {@code malformed} or {@code unavailable}); the span is named after
 * the function.
 */
public class DefaultFunctionObservationConvention implements FunctionObservationConvention {

	/** The name of the observation, and so of its timer. */
	public static final String NAME = "function.invocations";

	private static final Map<Outcome, KeyValue> OUTCOMES = new EnumMap<>(Outcome.class);

	private static final KeyValue NO_OUTCOME = KeyValue.of("outcome", "unknown");

	static {
		for (Outcome outcome : Outcome.values()) {
			OUTCOMES.put(outcome, KeyValue.of("outcome", outcome.name().toLowerCase(Locale.ROOT)));
		}
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(FunctionObservationContext context) {
		return context.getFunction().entryPoint();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(FunctionObservationContext context) {
		Outcome outcome = context.getOutcome();
		return KeyValues.of(KeyValue.of("function", context.getFunction().entryPoint()),
				(outcome != null) ? OUTCOMES.get(outcome) : NO_OUTCOME);
	}

}
