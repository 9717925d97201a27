package io.functionruntime.autoconfigure;

import io.functionruntime.internal.actuate.FunctionsHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code functions} health indicator exists: with Boot's health support, unless
 * switched off.
 */
class FunctionHealthAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				FunctionRuntimeAutoConfiguration.class, FunctionHealthAutoConfiguration.class))
		.withBean("mainHandler", FunctionRuntimeAutoConfigurationTests.MainHandler.class);

	@Test
	void functionThatHasNotFailedToStartIsUp() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FunctionsHealthIndicator.class);
			assertThat(context.getBean(FunctionsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void indicatorIsLeftOutWhenSwitchedOff() {
		this.runner.withPropertyValues("management.health.functions.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FunctionsHealthIndicator.class));
	}

	@Test
	void indicatorIsLeftOutWithoutHealthSupport() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FunctionsHealthIndicator.class));
	}

}
