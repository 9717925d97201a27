package io.functionruntime.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.trigger.TimerTrigger;
import io.functionruntime.internal.trigger.TimerTriggerScheduler;
import io.functionruntime.registry.FunctionDefinitionException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When timer triggers are set up, how their properties bind, and which configurations
 * stop startup (SPEC §10, DESIGN "Startup errors explain themselves").
 */
class TimerTriggerAutoConfigurationTests {

	private static final String NIGHTLY = "function-runtime.triggers.timers.nightly.";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				FunctionRuntimeAutoConfiguration.class, TimerTriggerAutoConfiguration.class))
		.withBean("reportHandler", ReportHandler.class);

	@Test
	void withoutTimersThereIsNoScheduler() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(TimerTriggerScheduler.class)
			.doesNotHaveBean(TriggerProperties.class));
	}

	@Test
	void disabledTimerStillGetsAScheduler() {
		this.runner
			.withPropertyValues(NIGHTLY + "function=report.handler", NIGHTLY + "cron=0 3 ? * * *",
					NIGHTLY + "enabled=false")
			.run((context) -> assertThat(nightly(context).enabled()).isFalse());
	}

	@Test
	void timerBindsToItsFunctionWithTheCloudsCronTranslated() {
		this.runner
			.withPropertyValues(NIGHTLY + "function=report.handler", NIGHTLY + "cron=0 3 ? * * *",
					NIGHTLY + "payload=full", NIGHTLY + "retry-attempts=2", NIGHTLY + "retry-interval=30s")
			.run((context) -> {
				TimerTrigger nightly = nightly(context);
				assertThat(nightly.function()).isSameAs(context.getBean(FunctionRegistry.class).find("report.handler"));
				assertThat(nightly.cron()).isEqualTo("0 0 3 ? * *");
				assertThat(nightly.payload()).isEqualTo("full");
				assertThat(nightly.retryAttempts()).isEqualTo(2);
				assertThat(nightly.retryInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(nightly.enabled()).isTrue();
			});
	}

	@Test
	void timerFindsItsFunctionByIdToo() {
		this.runner
			.withPropertyValues("function-runtime.functions[report.handler].id=d4ereport00000000001",
					NIGHTLY + "function=d4ereport00000000001", NIGHTLY + "cron=0 3 ? * * *")
			.run((context) -> assertThat(nightly(context).function().entryPoint()).isEqualTo("report.handler"));
	}

	@Test
	void timerDefaultsToNoPayloadNoRetryAndGeneratedCloudLikeIds() {
		this.runner.withPropertyValues(NIGHTLY + "function=report.handler", NIGHTLY + "cron=0 3 ? * * *")
			.run((context) -> {
				TimerTrigger nightly = nightly(context);
				assertThat(nightly.payload()).isEmpty();
				assertThat(nightly.retryAttempts()).isZero();
				assertThat(nightly.retryInterval()).isEqualTo(Duration.ofSeconds(10));
				assertThat(nightly.triggerId()).matches("a1s[a-v0-9]{17}");
				assertThat(nightly.folderId()).matches("b1g[a-v0-9]{17}");
				assertThat(nightly.cloudId()).matches("b1g[a-v0-9]{17}").isNotEqualTo(nightly.folderId());
			});
	}

	@Test
	void generatedIdsAreTheSameFromRunToRun() {
		String[] properties = { NIGHTLY + "function=report.handler", NIGHTLY + "cron=0 3 ? * * *" };
		this.runner.withPropertyValues(properties)
			.run((first) -> this.runner.withPropertyValues(properties).run((second) -> {
				assertThat(nightly(second).triggerId()).isEqualTo(nightly(first).triggerId());
				assertThat(nightly(second).folderId()).isEqualTo(nightly(first).folderId());
			}));
	}

	@Test
	void configuredIdsAreUsed() {
		this.runner
			.withPropertyValues(NIGHTLY + "function=report.handler", NIGHTLY + "cron=0 3 ? * * *",
					NIGHTLY + "id=a1smytrigger00000001", "function-runtime.triggers.folder-id=b1gmyfolder000000001",
					"function-runtime.triggers.cloud-id=b1gmycloud0000000001")
			.run((context) -> {
				TimerTrigger nightly = nightly(context);
				assertThat(nightly.triggerId()).isEqualTo("a1smytrigger00000001");
				assertThat(nightly.folderId()).isEqualTo("b1gmyfolder000000001");
				assertThat(nightly.cloudId()).isEqualTo("b1gmycloud0000000001");
			});
	}

	@Test
	void timerOfAnUnknownFunctionStopsStartup() {
		this.runner.withPropertyValues(NIGHTLY + "function=missing.handler", NIGHTLY + "cron=0 3 ? * * *")
			.run((context) -> {
				FunctionDefinitionException failure = StartupFailureTests.startupFailure(context);
				assertThat(failure).hasMessage("Timer trigger 'nightly' calls function 'missing.handler', which does "
						+ "not exist; the handlers are [report.handler, status.handler].");
				assertThat(failure.getAction()).isEqualTo("Set function-runtime.triggers.timers[nightly].function to "
						+ "the entry point or id of one of [report.handler, status.handler].");
			});
	}

	@Test
	void timerOfAHandlerWhoseEventCannotHoldTheMessageStopsStartup() {
		this.runner.withBean("countHandler", CountHandler.class)
			.withPropertyValues(NIGHTLY + "function=count.handler", NIGHTLY + "cron=0 3 ? * * *")
			.run((context) -> {
				FunctionDefinitionException failure = StartupFailureTests.startupFailure(context);
				assertThat(failure.getMessage()).startsWith("Timer trigger 'nightly' calls 'count.handler', whose "
						+ "event type java.lang.Integer cannot hold the timer's message: ");
				assertThat(failure.getAction()).isEqualTo("Let the handler take io.functionruntime.TimerEvent, a "
						+ "Map<String, Object> or a JsonNode, or aim the timer at another function.");
			});
	}

	@Test
	void timerOfAnHttpEventHandlerStopsStartup() {
		this.runner.withPropertyValues(NIGHTLY + "function=status.handler", NIGHTLY + "cron=0 3 ? * * *")
			.run((context) -> assertThat(StartupFailureTests.startupFailure(context))
				.hasMessage("Timer trigger 'nightly' calls 'status.handler', whose handler takes an HttpEvent, which "
						+ "a timer's event cannot be bound to."));
	}

	@Test
	void invalidCronStopsStartup() {
		this.runner.withPropertyValues(NIGHTLY + "function=report.handler", NIGHTLY + "cron=0 3 ? * * 2031")
			.run((context) -> {
				FunctionDefinitionException failure = StartupFailureTests.startupFailure(context);
				assertThat(failure).hasMessage("Timer trigger 'nightly' has an invalid cron expression "
						+ "'0 3 ? * * 2031': its year field is '2031', but only '*' is supported.");
				assertThat(failure.getAction()).startsWith("Correct function-runtime.triggers.timers[nightly].cron: ");
			});
	}

	@Test
	void missingCronStopsStartup() {
		this.runner.withPropertyValues(NIGHTLY + "function=report.handler")
			.run((context) -> assertThat(StartupFailureTests.startupFailure(context))
				.hasMessage("Timer trigger 'nightly' cannot be configured: "
						+ "function-runtime.triggers.timers[nightly].cron is missing."));
	}

	@Test
	void negativeRetryAttemptsStopStartup() {
		this.runner
			.withPropertyValues(NIGHTLY + "function=report.handler", NIGHTLY + "cron=0 3 ? * * *",
					NIGHTLY + "retry-attempts=-1")
			.run((context) -> assertThat(StartupFailureTests.startupFailure(context))
				.hasMessage("Timer trigger 'nightly' cannot be configured: "
						+ "function-runtime.triggers.timers[nightly].retry-attempts must be 0 or more, but is -1."));
	}

	private static TimerTrigger nightly(AssertableWebApplicationContext context) {
		assertThat(context).hasSingleBean(TimerTriggerScheduler.class);
		return context.getBean(TimerTriggerScheduler.class)
			.triggers()
			.stream()
			.filter((trigger) -> trigger.name().equals("nightly"))
			.findFirst()
			.orElseThrow();
	}

	static class CountHandler {

		@FunctionHandler("count.handler")
		Integer count(Integer event) {
			return event;
		}

	}

	static class ReportHandler {

		@FunctionHandler("report.handler")
		Map<String, Object> report(Map<String, Object> event) {
			return Map.of();
		}

		@FunctionHandler("status.handler")
		Map<String, Object> status(HttpEvent event) {
			return Map.of();
		}

	}

}
