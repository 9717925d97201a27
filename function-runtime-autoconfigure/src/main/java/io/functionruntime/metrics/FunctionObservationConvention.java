package io.functionruntime.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a function call. Declare a bean of this type to
 * replace {@link DefaultFunctionObservationConvention}.
 */
public interface FunctionObservationConvention extends ObservationConvention<FunctionObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof FunctionObservationContext;
	}

}
