package io.functionruntime.sample;

import java.util.Map;

import io.functionruntime.test.LocalMessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an SQS-compatible queue server inside the sample (ElasticMQ, on
 * {@code sample.local-queue.port} of 127.0.0.1, or a free port when it is taken) before the application's beans, when {@code sample.local-queue.enabled} is
 * true, so that its Message Queue triggers and asynchronous calls work with no outside
 * server. It creates the sample's queues and sets {@code sample.local-queue.url}, the
 * prefix of their URLs; it stops after the triggers, with the application. Spring AOT's
 * processing at build time starts no server.
 */
public class LocalQueues implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger logger = LoggerFactory.getLogger(LocalQueues.class);

	/** Set by Spring AOT's build-time processing, which runs the application's refresh. */
	private static final String AOT_PROCESSING = "spring.aot.processing";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty("sample.local-queue.enabled", Boolean.class, false)) {
			return;
		}
		if (Boolean.getBoolean(AOT_PROCESSING)) {
			// Spring AOT at build time: no server, only a URL prefix for the placeholders.
			environment.getPropertySources()
				.addFirst(new MapPropertySource("sample.local-queue",
						Map.of("sample.local-queue.url", "http://127.0.0.1:9324/000000000000")));
			return;
		}
		LocalMessageQueue queues = LocalMessageQueue
			.start(environment.getProperty("sample.local-queue.port", Integer.class, 0));
		String dlq = queues.createQueue("orders-dlq");
		String orders = queues.createQueue("orders", dlq, 3);
		queues.client()
			.setQueueAttributes((request) -> request.queueUrl(orders)
				.attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "5")));
		queues.createQueue("async-results");
		queues.createQueue("async-failures");
		String prefix = orders.substring(0, orders.lastIndexOf('/'));
		logger.info("Local SQS-compatible queue server (ElasticMQ) at {}: queues {}/orders (dead letters after 3 "
				+ "receives: orders-dlq), async-results, async-failures; keys local/local", queues.endpoint(), prefix);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("sample.local-queue", Map.of("sample.local-queue.url", prefix)));
		((GenericApplicationContext) context).registerBean("sampleLocalQueue", LocalMessageQueue.class, () -> queues,
				(definition) -> definition.setDestroyMethodName("close"));
	}

}
