package io.functionruntime.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.functionruntime.internal.async.AsyncInvocations;
import io.functionruntime.internal.async.AsyncResults;
import io.functionruntime.internal.async.AsyncSettings;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.queue.QueueSender;
import io.functionruntime.internal.queue.SqsQueueSender;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.web.ResponseWriter;
import io.functionruntime.registry.FunctionDefinitionException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Makes the calls of {@code ?integration=async}: a bounded buffer and workers that start
 * with the first such call, so that an application that makes none runs no thread; an SQS
 * client only when a function has a success or failure queue. Part of
 * {@link FunctionRuntimeAutoConfiguration}, since every function's route takes such calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AsyncProperties.class)
class AsyncInvocationConfiguration {

	private static final String SQS_CLIENT = "software.amazon.awssdk.services.sqs.SqsClient";

	@Bean
	@ConditionalOnMissingBean
	AsyncInvocations functionAsyncInvocations(FunctionInvoker invoker, FunctionRegistry registry,
			FunctionRuntimeProperties runtimeProperties, AsyncProperties properties, ResponseWriter responseWriter,
			ObjectProvider<JsonMapper> jsonMapper, ConfigurableEnvironment environment) {
		check(properties.getBufferSize() >= 1, "function-runtime.async.buffer-size",
				"must be at least 1, but is " + properties.getBufferSize());
		check(properties.getWorkers() >= 1, "function-runtime.async.workers",
				"must be at least 1, but is " + properties.getWorkers());
		Map<String, AsyncSettings> settings = PropertiesAsyncSettings
			.resolve(new FunctionSettingsKeys(environment, registry.functions().keySet())
				.bind(runtimeProperties.getFunctions()));
		return new AsyncInvocations(invoker, settings, sender(settings.values(), properties),
				new AsyncResults(jsonMapper.getIfAvailable(JsonMapper::shared), responseWriter::errorJson),
				properties.getBufferSize(), properties.getWorkers(),
				QueueTriggerAutoConfiguration.gracePeriod(environment));
	}

	/** Creates the clients of the queues, if any function has one. */
	private static QueueSender sender(Collection<AsyncSettings> settings, AsyncProperties properties) {
		List<String> queues = settings.stream()
			.flatMap((function) -> Stream.of(function.successQueueUrl(), function.failureQueueUrl()))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		if (queues.isEmpty()) {
			return null;
		}
		if (!ClassUtils.isPresent(SQS_CLIENT, AsyncInvocationConfiguration.class.getClassLoader())) {
			throw new FunctionDefinitionException("Asynchronous calls send results to " + queues
					+ ", but the SQS client is not on the class path.",
					"Add the dependency software.amazon.awssdk:sqs, or remove the functions' "
							+ "async-success-queue-url and async-failure-queue-url.");
		}
		return new SqsQueueSender(queues, properties.toConnection(null, "function-runtime.async."));
	}

	private static void check(boolean valid, String property, String problem) {
		if (!valid) {
			throw new FunctionDefinitionException("Asynchronous calls cannot be configured: " + property + " "
					+ problem + ".", "Correct " + property + " in the application's configuration.");
		}
	}

}
