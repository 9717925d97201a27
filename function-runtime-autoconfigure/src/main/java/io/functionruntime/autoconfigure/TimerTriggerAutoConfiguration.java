package io.functionruntime.autoconfigure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.functionruntime.autoconfigure.TriggerProperties.Timer;
import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.event.EventBindingException;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.trigger.TimerTrigger;
import io.functionruntime.internal.trigger.TimerTriggerScheduler;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Calls functions on the schedules of {@code function-runtime.triggers.timers}, through the
 * runtime's invoker, as the cloud's timer triggers do. Active only when a timer is
 * configured, so an application without one runs no scheduler.
 */
@AutoConfiguration(after = FunctionRuntimeAutoConfiguration.class)
@ConditionalOnBean(FunctionInvoker.class)
@Conditional(TimerTriggerAutoConfiguration.TimersConfiguredCondition.class)
@EnableConfigurationProperties(TriggerProperties.class)
public final class TimerTriggerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TimerTriggerScheduler timerTriggerScheduler(TriggerProperties properties, FunctionRegistry registry,
			FunctionInvoker invoker, EventBinder eventBinder) {
		List<TimerTrigger> triggers = PropertiesTimerTriggers.resolve(properties, registry);
		triggers.forEach((trigger) -> requireBindable(trigger, eventBinder));
		return new TimerTriggerScheduler(triggers, invoker, eventBinder);
	}

	/**
	 * Binds a trigger's event to its function once at startup, so that a handler whose
	 * event type cannot hold the timer's message stops startup instead of failing at every
	 * fire.
	 */
	private static void requireBindable(TimerTrigger trigger, EventBinder eventBinder) {
		FunctionDefinition function = trigger.function();
		try {
			eventBinder.bindJson(trigger.newEvent(Instant.now()), function.adapter());
		}
		catch (EventBindingException ex) {
			throw new FunctionDefinitionException("Timer trigger '" + trigger.name() + "' calls '"
					+ function.entryPoint() + "', whose event type " + function.adapter().eventType().toCanonical()
					+ " cannot hold the timer's message: " + ex.getMessage(),
					"Let the handler take io.functionruntime.TimerEvent, a Map<String, Object> or a JsonNode, or aim "
							+ "the timer at another function.");
		}
	}

	/**
	 * Matches when at least one timer is configured, enabled or not: a disabled timer is
	 * still checked at startup.
	 */
	static class TimersConfiguredCondition extends SpringBootCondition {

		private static final Bindable<Map<String, Timer>> TIMERS = Bindable.mapOf(String.class, Timer.class);

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("Timer triggers");
			Map<String, Timer> timers = Binder.get(context.getEnvironment())
				.bind("function-runtime.triggers.timers", TIMERS)
				.orElse(Map.of());
			return timers.isEmpty()
					? ConditionOutcome.noMatch(message.didNotFind("function-runtime.triggers.timers").atAll())
					: ConditionOutcome.match(message.found("timer", "timers").items(timers.keySet()));
		}

	}

}
