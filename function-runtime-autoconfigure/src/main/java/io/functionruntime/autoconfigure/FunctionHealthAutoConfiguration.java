package io.functionruntime.autoconfigure;

import io.functionruntime.internal.actuate.FunctionsHealthIndicator;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.registry.FunctionRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code functions} health indicator, when Spring Boot's health support is present:
 * down when a function cannot start an instance. It is part of {@code /actuator/health},
 * not of the liveness and readiness groups.
 */
@AutoConfiguration(after = FunctionRuntimeAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(FunctionInvoker.class)
@ConditionalOnEnabledHealthIndicator("functions")
@EnableConfigurationProperties(FunctionHealthIndicatorProperties.class)
public final class FunctionHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "functionsHealthIndicator")
	FunctionsHealthIndicator functionsHealthIndicator(FunctionRegistry registry, FunctionInvoker invoker,
			FunctionHealthIndicatorProperties properties) {
		return new FunctionsHealthIndicator(registry, invoker, properties.getInitFailureThreshold());
	}

}
