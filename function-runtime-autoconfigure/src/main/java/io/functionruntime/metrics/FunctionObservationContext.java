package io.functionruntime.metrics;

import io.functionruntime.invoke.Outcome;
import io.functionruntime.registry.FunctionDefinition;
import io.micrometer.observation.Observation;

/**
 * The {@link Observation.Context} of one function call: the function, and once the call
 * has ended, its outcome.
 */
public class FunctionObservationContext extends Observation.Context {

	private final FunctionDefinition function;

	private Outcome outcome;

	public FunctionObservationContext(FunctionDefinition function) {
		this.function = function;
	}

	/** @return the function called */
	public FunctionDefinition getFunction() {
		return this.function;
	}

	/** @return how the call ended, or {@code null} while it runs */
	public Outcome getOutcome() {
		return this.outcome;
	}

	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

}
