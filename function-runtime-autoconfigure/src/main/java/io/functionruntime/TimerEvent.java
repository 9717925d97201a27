package io.functionruntime;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The event of a timer trigger, field for field what the cloud passes to a handler: one
 * message per fire, with the trigger's payload in its details.
 *
 * @param messages the messages, one per fire
 */
public record TimerEvent(List<Message> messages) {

	/** The event type of every timer message. */
	public static final String EVENT_TYPE = "yandex.cloud.events.serverless.triggers.TimerMessage";

	/**
	 * One fire of the timer.
	 *
	 * @param eventMetadata what fired and when
	 * @param details the trigger and its payload
	 */
	public record Message(@JsonProperty("event_metadata") EventMetadata eventMetadata, Details details) {
	}

	/**
	 * What fired and when.
	 *
	 * @param eventId the id of this fire; retries of a failed call keep it
	 * @param eventType always {@link #EVENT_TYPE}
	 * @param createdAt when the timer fired, ISO-8601 UTC with microseconds
	 * ({@code 2019-12-04T12:05:14.227761Z})
	 * @param cloudId the cloud of the trigger
	 * @param folderId the folder of the trigger
	 */
	public record EventMetadata(@JsonProperty("event_id") String eventId, @JsonProperty("event_type") String eventType,
			@JsonProperty("created_at") String createdAt, @JsonProperty("cloud_id") String cloudId,
			@JsonProperty("folder_id") String folderId) {
	}

	/**
	 * The trigger and its payload.
	 *
	 * @param triggerId the trigger id
	 * @param payload the configured payload, empty when there is none
	 */
	public record Details(@JsonProperty("trigger_id") String triggerId, String payload) {
	}

}
