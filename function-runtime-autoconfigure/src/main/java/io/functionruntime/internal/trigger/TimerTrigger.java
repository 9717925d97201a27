package io.functionruntime.internal.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.functionruntime.TimerEvent;
import io.functionruntime.registry.FunctionDefinition;

/**
 * A timer trigger, resolved and checked at startup: which function it calls, when, with
 * what payload, and how often a failed call is tried again.
 *
 * @param name the trigger's name in the configuration
 * @param function the function it calls
 * @param cron the schedule in Spring's six-field form, evaluated in UTC
 * @param payload the payload of every message, empty when there is none
 * @param triggerId the trigger id of the messages
 * @param cloudId the cloud id of the messages
 * @param folderId the folder id of the messages
 * @param retryAttempts how many times a failed, timed-out or refused call is tried again
 * @param retryInterval how long to wait before each retry
 * @param enabled whether the trigger fires at all
 */
public record TimerTrigger(String name, FunctionDefinition function, String cron, String payload, String triggerId,
		String cloudId, String folderId, int retryAttempts, Duration retryInterval, boolean enabled) {

	private static final DateTimeFormatter CREATED_AT = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String ID_ALPHABET = "abcdefghijklmnopqrstuv0123456789";

	/**
	 * Creates the event of one fire, with a new event id.
	 * @param firedAt when the timer fired
	 * @return the event
	 */
	public TimerEvent newEvent(Instant firedAt) {
		return event(newEventId(), firedAt, this.triggerId, this.payload, this.cloudId, this.folderId);
	}

	/**
	 * Creates the event of one fire as the cloud writes it. The test kit builds its timer
	 * events here too, so that they cannot differ from what a trigger sends.
	 * @param eventId the id of the fire
	 * @param firedAt when the timer fired, written with microseconds
	 * @param triggerId the trigger id
	 * @param payload the payload, empty when there is none
	 * @param cloudId the cloud id
	 * @param folderId the folder id
	 * @return the event
	 */
	public static TimerEvent event(String eventId, Instant firedAt, String triggerId, String payload, String cloudId,
			String folderId) {
		TimerEvent.EventMetadata metadata = new TimerEvent.EventMetadata(eventId, TimerEvent.EVENT_TYPE,
				CREATED_AT.format(firedAt), cloudId, folderId);
		return new TimerEvent(List.of(new TimerEvent.Message(metadata, new TimerEvent.Details(triggerId, payload))));
	}

	/**
	 * Makes an event id that looks like the cloud's: 20 characters that start as trigger
	 * ids do.
	 * @return a new event id
	 */
	public static String newEventId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder id = new StringBuilder(20).append("a1s");
		while (id.length() < 20) {
			id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
		}
		return id.toString();
	}

}
