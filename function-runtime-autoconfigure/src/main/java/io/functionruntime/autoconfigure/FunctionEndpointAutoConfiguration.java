package io.functionruntime.autoconfigure;

import io.functionruntime.internal.actuate.FunctionsEndpoint;
import io.functionruntime.internal.async.AsyncInvocations;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.trigger.QueueTriggerRunner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The Actuator endpoint {@code functions}, when Actuator is present and the endpoint is
 * exposed ({@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = { FunctionRuntimeAutoConfiguration.class, QueueTriggerAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(FunctionInvoker.class)
@ConditionalOnAvailableEndpoint(FunctionsEndpoint.class)
public final class FunctionEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FunctionsEndpoint functionsEndpoint(FunctionRegistry registry, FunctionInvoker invoker,
			ObjectProvider<QueueTriggerRunner> queueTriggers, ObjectProvider<AsyncInvocations> async) {
		return new FunctionsEndpoint(registry, invoker, queueTriggers.getIfAvailable(), async.getIfAvailable());
	}

}
