package io.functionruntime.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.functionruntime.autoconfigure.TriggerProperties.Timer;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.trigger.TimerSchedule;
import io.functionruntime.internal.trigger.TimerTrigger;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;

/**
 * Resolves the timers of {@link TriggerProperties} against the application's functions,
 * so that a timer that could not fire as configured stops startup, enabled or not, with
 * the property and the fix. Ids the cloud would assign are generated from names, so they
 * stay the same from run to run.
 */
final class PropertiesTimerTriggers {

	private PropertiesTimerTriggers() {
	}

	static List<TimerTrigger> resolve(TriggerProperties properties, FunctionRegistry registry) {
		String cloudId = PropertiesFunctionSettingsSource.orGenerated(properties.getCloudId(), "b1g", "#cloud");
		String folderId = PropertiesFunctionSettingsSource.orGenerated(properties.getFolderId(), "b1g", "#folder");
		List<TimerTrigger> triggers = new ArrayList<>();
		properties.getTimers()
			.forEach((name, timer) -> triggers.add(resolve(name, timer, registry, cloudId, folderId)));
		return triggers;
	}

	private static TimerTrigger resolve(String name, Timer timer, FunctionRegistry registry, String cloudId,
			String folderId) {
		String prefix = "function-runtime.triggers.timers[" + name + "].";
		FunctionDefinition function = TriggerFunctions.find("Timer trigger '" + name + "'", timer.getFunction(),
				prefix, registry, "a timer's event", "TimerEvent, Map<String, Object>, JsonNode, String or a POJO");
		check(timer.getRetryAttempts() >= 0, name, prefix + "retry-attempts",
				"must be 0 or more, but is " + timer.getRetryAttempts());
		check(timer.getRetryInterval() != null && timer.getRetryInterval().toMillis() > 0, name,
				prefix + "retry-interval", "must be at least 1ms, but is " + DurationText.of(timer.getRetryInterval()));
		return new TimerTrigger(name, function, springCron(name, prefix, timer.getCron()),
				(timer.getPayload() != null) ? timer.getPayload() : "",
				PropertiesFunctionSettingsSource.orGenerated(timer.getId(), "a1s", name + "#trigger"), cloudId,
				folderId, timer.getRetryAttempts(), timer.getRetryInterval(), timer.isEnabled());
	}

	private static String springCron(String name, String prefix, String cron) {
		check(cron != null && !cron.isBlank(), name, prefix + "cron", "is missing");
		try {
			return TimerSchedule.toSpringCron(cron);
		}
		catch (IllegalArgumentException ex) {
			throw new FunctionDefinitionException(
					"Timer trigger '" + name + "' has an invalid cron expression '" + cron + "': " + ex.getMessage()
							+ ".",
					"Correct " + prefix + "cron: the cloud's 'Minutes Hours Day-of-month Month Day-of-week [Year]' "
							+ "with a '?' in one of the day fields, such as '0 12 ? * * *', or Spring's six fields "
							+ "starting with seconds, such as '*/10 * * * * *'.");
		}
	}

	private static void check(boolean valid, String trigger, String property, String problem) {
		if (!valid) {
			throw new FunctionDefinitionException(
					"Timer trigger '" + trigger + "' cannot be configured: " + property + " " + problem + ".",
					"Correct " + property + " in the application's configuration.");
		}
	}

}
