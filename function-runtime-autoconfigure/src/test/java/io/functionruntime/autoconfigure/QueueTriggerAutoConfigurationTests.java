package io.functionruntime.autoconfigure;

import java.util.Map;

import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;
import io.functionruntime.internal.async.AsyncInvocations;
import io.functionruntime.internal.trigger.QueueTrigger;
import io.functionruntime.internal.trigger.QueueTriggerRunner;
import io.functionruntime.registry.FunctionDefinitionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Message Queue triggers and asynchronous calls are set up, and which of their
 * settings stop startup, naming the property and the fix. Nothing here talks to a queue.
 */
class QueueTriggerAutoConfigurationTests {

	private static final String ORDERS = "function-runtime.triggers.message-queues.orders.";

	private static final String PROPERTY = "function-runtime.triggers.message-queues[orders].";

	private static final String URL = "https://message-queue.api.cloud.yandex.net/b1gcloud/dj6queue/orders";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				FunctionRuntimeAutoConfiguration.class, QueueTriggerAutoConfiguration.class))
		.withBean("ordersHandler", OrdersHandler.class);

	@Test
	void withoutTriggersThereIsNoPollerAndNoClientAndAsyncCallsRunNoThread() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(QueueTriggerRunner.class)
				.doesNotHaveBean(SqsClient.class)
				.hasSingleBean(AsyncInvocations.class);
			assertThat(context.getBean(AsyncInvocations.class).state().running()).isZero();
			assertThat(Thread.getAllStackTraces().keySet())
				.noneMatch((thread) -> thread.getName().startsWith("function-async-")
						|| thread.getName().startsWith("function-queue-"));
		});
	}

	@Test
	void triggerBindsWithTheCloudsDefaults() {
		this.runner
			.withPropertyValues(ORDERS + "function=orders.handler", ORDERS + "queue-url=" + URL,
					"function-runtime.triggers.folder-id=b1gfolder")
			.run((context) -> {
				QueueTrigger orders = context.getBean(QueueTriggerRunner.class).triggers().get(0);
				assertThat(orders.batchSize()).isEqualTo(1);
				assertThat(orders.batchCutoff()).hasSeconds(10);
				assertThat(orders.visibilityTimeout()).isNull();
				assertThat(orders.queueId()).isEqualTo("yrn:yc:ymq:ru-central1:b1gfolder:orders");
				assertThat(orders.connection().endpoint()).hasToString("https://message-queue.api.cloud.yandex.net");
				assertThat(orders.connection().region()).isEqualTo("ru-central1");
			});
	}

	@Test
	void invalidSettingsStopStartupNamingTheProperty() {
		assertFails("batch-size=11", PROPERTY + "batch-size must be from 1 to 10, but is 11");
		assertFails("batch-cutoff=21s", PROPERTY + "batch-cutoff must be from 0s to 20s");
		assertFails("visibility-timeout=13h", PROPERTY + "visibility-timeout must be whole seconds from 0s to 12h");
		assertFails("access-key-id=key", PROPERTY + "secret-access-key is missing");
		assertFails("queue-url=ftp://queue", PROPERTY + "queue-url must be the queue's http(s) URL");
		assertFails("function=status.handler", "whose handler takes an HttpEvent");
		assertFails("function=missing.handler", "calls function 'missing.handler', which does not exist");
	}

	@Test
	void asyncRetriesOutOfRangeStopStartup() {
		this.runner.withPropertyValues("function-runtime.functions[orders.handler].async-retries=101")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(FunctionDefinitionException.class)
				.hasMessageContaining(
						"function-runtime.functions[orders.handler].async-retries must be from 0 to 100, but is 101"));
	}

	private void assertFails(String setting, String message) {
		this.runner.withPropertyValues(ORDERS + "function=orders.handler", ORDERS + "queue-url=" + URL, ORDERS + setting)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(FunctionDefinitionException.class)
				.hasMessageContaining(message));
	}

	static class OrdersHandler {

		@FunctionHandler("orders.handler")
		Map<String, Object> orders(Map<String, Object> event) {
			return Map.of();
		}

		@FunctionHandler("status.handler")
		Map<String, Object> status(HttpEvent event) {
			return Map.of();
		}

	}

}
