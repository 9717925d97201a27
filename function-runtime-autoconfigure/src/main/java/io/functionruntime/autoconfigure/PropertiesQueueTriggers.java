package io.functionruntime.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.functionruntime.autoconfigure.TriggerProperties.MessageQueue;
import io.functionruntime.internal.queue.QueueConnection;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.trigger.QueueTrigger;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;

/**
 * Resolves the Message Queue triggers of {@link TriggerProperties} against the
 * application's functions, so that a trigger that could not poll as configured stops
 * startup, enabled or not, with the property and the fix. The ranges are those the
 * cloud's console and CLI accept.
 */
final class PropertiesQueueTriggers {

	private static final int MAX_BATCH_SIZE = 10;

	private static final Duration MAX_BATCH_CUTOFF = Duration.ofSeconds(20);

	private static final Duration MAX_VISIBILITY_TIMEOUT = Duration.ofHours(12);

	private PropertiesQueueTriggers() {
	}

	static List<QueueTrigger> resolve(TriggerProperties properties, FunctionRegistry registry) {
		String cloudId = PropertiesFunctionSettingsSource.orGenerated(properties.getCloudId(), "b1g", "#cloud");
		String folderId = PropertiesFunctionSettingsSource.orGenerated(properties.getFolderId(), "b1g", "#folder");
		List<QueueTrigger> triggers = new ArrayList<>();
		properties.getMessageQueues()
			.forEach((name, queue) -> triggers.add(resolve(name, queue, registry, cloudId, folderId)));
		return triggers;
	}

	private static QueueTrigger resolve(String name, MessageQueue queue, FunctionRegistry registry, String cloudId,
			String folderId) {
		String prefix = "function-runtime.triggers.message-queues[" + name + "].";
		FunctionDefinition function = TriggerFunctions.find("Message Queue trigger '" + name + "'",
				queue.getFunction(), prefix, registry, "a queue's messages",
				"Map<String, Object>, JsonNode, String or a POJO");
		URI queueUrl = queueUrl(name, prefix, queue.getQueueUrl());
		check(queue.getBatchSize() >= 1 && queue.getBatchSize() <= MAX_BATCH_SIZE, name, prefix + "batch-size",
				"must be from 1 to 10, but is " + queue.getBatchSize());
		Duration cutoff = queue.getBatchCutoff();
		check(cutoff != null && !cutoff.isNegative() && cutoff.compareTo(MAX_BATCH_CUTOFF) <= 0, name,
				prefix + "batch-cutoff", "must be from 0s to 20s, but is " + text(cutoff));
		Duration visibility = queue.getVisibilityTimeout();
		check(visibility == null || (!visibility.isNegative() && visibility.compareTo(MAX_VISIBILITY_TIMEOUT) <= 0
				&& visibility.toMillis() % 1000 == 0), name, prefix + "visibility-timeout",
				"must be whole seconds from 0s to 12h, but is " + text(visibility));
		QueueConnection connection = queue.toConnection(QueueConnection.endpointOf(queueUrl), prefix);
		String queueId = (queue.getQueueId() != null && !queue.getQueueId().isBlank()) ? queue.getQueueId()
				: "yrn:yc:ymq:" + queue.getRegion() + ":" + folderId + ":" + queueName(queueUrl);
		return new QueueTrigger(name, function, queueUrl.toString(), queueId, connection, queue.getBatchSize(), cutoff,
				visibility, cloudId, folderId, queue.isEnabled());
	}

	private static URI queueUrl(String name, String prefix, String queueUrl) {
		check(queueUrl != null && !queueUrl.isBlank(), name, prefix + "queue-url", "is missing");
		try {
			URI uri = new URI(queueUrl);
			check(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getRawAuthority() != null
					&& !queueName(uri).isEmpty(), name, prefix + "queue-url",
					"must be the queue's http(s) URL, such as "
							+ "https://message-queue.api.cloud.yandex.net/b1gXXXX/dj6XXXX/orders, but is '" + queueUrl
							+ "'");
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new FunctionDefinitionException("Message Queue trigger '" + name + "' cannot be configured: " + prefix
					+ "queue-url is no URL: " + ex.getMessage() + ".", "Correct " + prefix + "queue-url.");
		}
	}

	private static String text(Duration duration) {
		return (duration != null) ? DurationText.of(duration) : "empty";
	}

	private static String queueName(URI queueUrl) {
		String path = (queueUrl.getPath() != null) ? queueUrl.getPath() : "";
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static void check(boolean valid, String trigger, String property, String problem) {
		if (!valid) {
			throw new FunctionDefinitionException(
					"Message Queue trigger '" + trigger + "' cannot be configured: " + property + " " + problem + ".",
					"Correct " + property + " in the application's configuration.");
		}
	}

}
