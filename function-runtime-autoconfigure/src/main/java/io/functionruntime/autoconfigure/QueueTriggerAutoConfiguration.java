package io.functionruntime.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.functionruntime.autoconfigure.TriggerProperties.MessageQueue;
import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.event.EventBindingException;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.trigger.QueueMessageEvents;
import io.functionruntime.internal.trigger.QueueTrigger;
import io.functionruntime.internal.trigger.QueueTriggerRunner;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Polls the queues of {@code function-runtime.triggers.message-queues} and calls their
 * functions with batches of messages, through the runtime's invoker, as the cloud's
 * Message Queue triggers do. Active only when a trigger is configured, so an application
 * without one creates no SQS client and runs no poller.
 */
@AutoConfiguration(after = FunctionRuntimeAutoConfiguration.class)
@ConditionalOnBean(FunctionInvoker.class)
@Conditional(QueueTriggerAutoConfiguration.QueuesConfiguredCondition.class)
@EnableConfigurationProperties(TriggerProperties.class)
public final class QueueTriggerAutoConfiguration {

	/** Spring Boot's default of {@code spring.lifecycle.timeout-per-shutdown-phase}. */
	private static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SqsClient.class)
	static class SqsClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		QueueTriggerRunner queueTriggerRunner(TriggerProperties properties, FunctionRegistry registry,
				FunctionInvoker invoker, EventBinder eventBinder, Environment environment) {
			List<QueueTrigger> triggers = PropertiesQueueTriggers.resolve(properties, registry);
			triggers.forEach((trigger) -> requireBindable(trigger, eventBinder));
			return new QueueTriggerRunner(triggers, invoker, eventBinder, gracePeriod(environment));
		}

	}

	/** Stops startup when triggers are configured but the SQS client is missing. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("software.amazon.awssdk.services.sqs.SqsClient")
	static class MissingSqsClientConfiguration {

		MissingSqsClientConfiguration() {
			throw new FunctionDefinitionException(
					"Message Queue triggers are configured (function-runtime.triggers.message-queues), but the SQS "
							+ "client is not on the class path.",
					"Add the dependency software.amazon.awssdk:sqs, or remove "
							+ "function-runtime.triggers.message-queues.");
		}

	}

	static Duration gracePeriod(Environment environment) {
		return Binder.get(environment)
			.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
			.orElse(DEFAULT_GRACE_PERIOD);
	}

	/**
	 * Binds a message like the queue's to the trigger's function once at startup, so that a
	 * handler whose event type cannot hold it stops startup instead of failing every batch.
	 */
	private static void requireBindable(QueueTrigger trigger, EventBinder eventBinder) {
		FunctionDefinition function = trigger.function();
		Message sample = Message.builder()
			.messageId("00000000-00000000-00000000-00000000")
			.md5OfBody("5d41402abc4b2a76b9719d911017c592")
			.body("hello")
			.attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "0"))
			.build();
		try {
			eventBinder.bindJson(QueueMessageEvents.of(trigger, List.of(sample)), function.adapter());
		}
		catch (EventBindingException ex) {
			throw new FunctionDefinitionException("Message Queue trigger '" + trigger.name() + "' calls '"
					+ function.entryPoint() + "', whose event type " + function.adapter().eventType().toCanonical()
					+ " cannot hold the queue's messages: " + ex.getMessage(),
					"Let the handler take a Map<String, Object>, a JsonNode or a POJO with a 'messages' list, or aim "
							+ "the trigger at another function.");
		}
	}

	/**
	 * Matches when at least one Message Queue trigger is configured, enabled or not: a
	 * disabled one is still checked at startup.
	 */
	static class QueuesConfiguredCondition extends SpringBootCondition {

		private static final Bindable<Map<String, MessageQueue>> QUEUES = Bindable.mapOf(String.class,
				MessageQueue.class);

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("Message Queue triggers");
			Map<String, MessageQueue> queues = Binder.get(context.getEnvironment())
				.bind("function-runtime.triggers.message-queues", QUEUES)
				.orElse(Map.of());
			return queues.isEmpty()
					? ConditionOutcome.noMatch(message.didNotFind("function-runtime.triggers.message-queues").atAll())
					: ConditionOutcome.match(message.found("trigger", "triggers").items(queues.keySet()));
		}

	}

}
