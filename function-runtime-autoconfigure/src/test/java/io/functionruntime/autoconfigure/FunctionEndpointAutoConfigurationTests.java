package io.functionruntime.autoconfigure;

import io.functionruntime.internal.actuate.FunctionsEndpoint;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code functions} endpoint exists: only with Actuator, and only when exposed.
 */
class FunctionEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				FunctionRuntimeAutoConfiguration.class, FunctionEndpointAutoConfiguration.class))
		.withBean("mainHandler", FunctionRuntimeAutoConfigurationTests.MainHandler.class);

	@Test
	void exposedEndpointDescribesTheFunctions() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=functions")
			.run((context) -> assertThat(context.getBean(FunctionsEndpoint.class).functions().functions())
				.containsOnlyKeys("main.handler"));
	}

	@Test
	void endpointIsLeftOutUnlessExposed() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FunctionsEndpoint.class));
	}

	@Test
	void endpointIsLeftOutWithoutActuator() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=functions")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FunctionsEndpoint.class));
	}

}
