package io.functionruntime.internal.trigger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Builds the event a Message Queue trigger calls its function with, as the cloud writes
 * it: {@code messages[]}, each with its {@code event_metadata} (the event id is the
 * message id, {@code created_at} its sent time) and {@code details.message}, whose system
 * attributes are strings and whose message attributes are written in snake case.
 */
public final class QueueMessageEvents {

	/** The event type of every message. */
	public static final String EVENT_TYPE = "yandex.cloud.events.messagequeue.QueueMessage";

	/** The system attributes the cloud puts in every message, in its order. */
	static final List<MessageSystemAttributeName> SYSTEM_ATTRIBUTES = List.of(
			MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
			MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.SENDER_ID,
			MessageSystemAttributeName.SENT_TIMESTAMP);

	private static final DateTimeFormatter CREATED_AT = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private QueueMessageEvents() {
	}

	/**
	 * Creates the event of one batch.
	 * @param trigger the trigger that received it
	 * @param messages the batch, as received
	 * @return the event, as the JSON tree's maps and lists
	 */
	public static Map<String, Object> of(QueueTrigger trigger, List<Message> messages) {
		return Map.of("messages", messages.stream().map((message) -> message(trigger, message)).toList());
	}

	private static Map<String, Object> message(QueueTrigger trigger, Message message) {
		Map<MessageSystemAttributeName, String> system = message.attributes();
		String sent = system.get(MessageSystemAttributeName.SENT_TIMESTAMP);
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("event_id", message.messageId());
		metadata.put("event_type", EVENT_TYPE);
		metadata.put("created_at", CREATED_AT.format((sent != null) ? Instant.ofEpochMilli(Long.parseLong(sent))
				: Instant.now()));
		metadata.put("tracing_context", null);
		metadata.put("cloud_id", trigger.cloudId());
		metadata.put("folder_id", trigger.folderId());
		Map<String, String> attributes = new LinkedHashMap<>();
		for (MessageSystemAttributeName name : SYSTEM_ATTRIBUTES) {
			if (system.containsKey(name)) {
				attributes.put(name.toString(), system.get(name));
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message_id", message.messageId());
		body.put("md5_of_body", message.md5OfBody());
		body.put("body", message.body());
		body.put("attributes", attributes);
		body.put("message_attributes", messageAttributes(message.messageAttributes()));
		body.put("md5_of_message_attributes",
				(message.md5OfMessageAttributes() != null) ? message.md5OfMessageAttributes() : "");
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("queue_id", trigger.queueId());
		details.put("message", body);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("event_metadata", metadata);
		event.put("details", details);
		return event;
	}

	private static Map<String, Object> messageAttributes(Map<String, MessageAttributeValue> attributes) {
		Map<String, Object> written = new LinkedHashMap<>();
		attributes.forEach((name, value) -> {
			Map<String, String> attribute = new LinkedHashMap<>();
			attribute.put("data_type", value.dataType());
			if (value.stringValue() != null) {
				attribute.put("string_value", value.stringValue());
			}
			if (value.binaryValue() != null) {
				attribute.put("binary_value", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
			}
			written.put(name, attribute);
		});
		return written;
	}

}
