package io.functionruntime.autoconfigure;

import java.util.HashMap;

import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.metrics.FunctionPoolMetrics;
import io.functionruntime.internal.metrics.MicrometerInvocationObserver;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.invoke.InvocationObserver;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.metrics.DefaultFunctionObservationConvention;
import io.functionruntime.metrics.FunctionObservationConvention;
import io.functionruntime.registry.FunctionDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the runtime's metrics are set up: with a Micrometer registry, and not without one
 * or without Micrometer on the classpath.
 */
class FunctionMetricsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				FunctionRuntimeAutoConfiguration.class, ObservationAutoConfiguration.class,
				MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, FunctionMetricsAutoConfiguration.class))
		.withBean("mainHandler", FunctionRuntimeAutoConfigurationTests.MainHandler.class);

	private final WebApplicationContextRunner withoutMetrics = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				FunctionRuntimeAutoConfiguration.class, FunctionMetricsAutoConfiguration.class))
		.withBean("mainHandler", FunctionRuntimeAutoConfigurationTests.MainHandler.class);

	@Test
	void meterRegistryGivesTheInvokerAMicrometerObserverAndGauges() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MicrometerInvocationObserver.class)
				.hasSingleBean(FunctionPoolMetrics.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("function.instances").tags("function", "main.handler", "state", "idle").gauge()
				.value()).isZero();
			assertThat(meters.get("function.queued").tags("function", "main.handler").gauge().value()).isZero();
			assertThat(meters.get("function.queue.wait").tags("function", "main.handler").timer().count()).isZero();
		});
	}

	@Test
	void callThatReturnsItsResultIsObservedToo() {
		this.runner.run((context) -> {
			assertThat(invoke(context)).isInstanceOf(InvocationResult.Success.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(DefaultFunctionObservationConvention.NAME)
				.tags("function", "main.handler", "outcome", "success")
				.timer()
				.count()).isEqualTo(1);
			assertThat(meters.get("function.init").tags("function", "main.handler").timer().count()).isEqualTo(1);
			assertThat(meters.get("function.instances").tags("function", "main.handler", "state", "idle").gauge()
				.value()).isEqualTo(1);
		});
	}

	@Test
	void userConventionNamesTheObservation() {
		this.runner.withBean(FunctionObservationConvention.class, CustomConvention::new).run((context) -> {
			invoke(context);
			assertThat(context.getBean(MeterRegistry.class).get("custom.calls").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void userObserverReplacesTheMicrometerOne() {
		InvocationObserver own = (function) -> InvocationObserver.Invocation.NONE;
		this.runner.withBean("ownObserver", InvocationObserver.class, () -> own)
			.run((context) -> assertThat(context).hasSingleBean(InvocationObserver.class)
				.getBean(InvocationObserver.class)
				.isSameAs(own));
	}

	@Test
	void withoutAMeterRegistryNothingIsObserved() {
		this.withoutMetrics
			.run((context) -> assertThat(context).hasSingleBean(FunctionInvoker.class)
				.doesNotHaveBean(InvocationObserver.class)
				.doesNotHaveBean(FunctionPoolMetrics.class));
	}

	@Test
	void withoutMicrometerOnTheClasspathNothingIsObserved() {
		this.withoutMetrics.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(FunctionInvoker.class)
				.doesNotHaveBean(InvocationObserver.class)
				.doesNotHaveBean(FunctionPoolMetrics.class));
	}

	private static InvocationResult invoke(AssertableWebApplicationContext context) {
		FunctionDefinition function = context.getBean(FunctionRegistry.class).find("main.handler");
		return context.getBean(FunctionInvoker.class).invoke(function, new HashMap<String, Object>(), "r-1");
	}

	static class CustomConvention extends DefaultFunctionObservationConvention {

		@Override
		public String getName() {
			return "custom.calls";
		}

	}

}
