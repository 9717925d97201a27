package io.functionruntime.autoconfigure;

import io.functionruntime.internal.async.AsyncInvocations;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.metrics.FunctionPoolMetrics;
import io.functionruntime.internal.metrics.MicrometerInvocationObserver;
import io.functionruntime.internal.metrics.QueueMetrics;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.trigger.QueueTriggerRunner;
import io.functionruntime.invoke.InvocationObserver;
import io.functionruntime.metrics.FunctionObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics and observations of every function, when the application has a
 * {@link MeterRegistry} (Actuator brings one): the invocation timer through the
 * Observation API, so that tracing sees each call too, timers of queueing and cold
 * starts, gauges of instances and queued calls, and meters of the Message Queue triggers
 * and the asynchronous calls' buffer.
 */
@AutoConfiguration(after = { FunctionRuntimeAutoConfiguration.class, QueueTriggerAutoConfiguration.class,
		MetricsAutoConfiguration.class,
		CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
		ObservationAutoConfiguration.class })
@ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class })
@ConditionalOnBean({ FunctionInvoker.class, MeterRegistry.class })
public final class FunctionMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InvocationObserver functionInvocationObserver(FunctionRegistry registry, MeterRegistry meterRegistry,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<FunctionObservationConvention> convention) {
		return new MicrometerInvocationObserver(registry, meterRegistry,
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP), convention.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	QueueMetrics functionQueueMetrics(ObjectProvider<QueueTriggerRunner> triggers,
			ObjectProvider<AsyncInvocations> async) {
		return new QueueMetrics(triggers.getIfAvailable(), async.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionPoolMetrics functionPoolMetrics(FunctionRegistry registry, FunctionInvoker invoker) {
		return new FunctionPoolMetrics(registry, invoker);
	}

}
