package io.functionruntime.test;

import java.time.Instant;
import java.util.Map;

import io.functionruntime.TimerEvent;
import io.functionruntime.internal.trigger.TimerTrigger;

/**
 * Builds the {@link TimerEvent} a timer trigger sends, to call a handler method directly
 * or to {@link FunctionCall#event(Object) call a function with it}. The event is made by
 * the runtime's own timer code, so it is what a configured trigger would send. By default
 * it has a new event id, the current time, an empty payload and fixed test ids of the
 * cloud's form ({@code a1stesttrigger000001}, {@code b1gtestcloud00000001},
 * {@code b1gtestfolder0000001}).
 * <pre class="code">
 * TimerEvent event = TimerEventBuilder.timer().triggerId("a1sfe084v4h2ag8hkg2b").payload("{\"kind\": \"full\"}").build();
 * </pre>
 */
public final class TimerEventBuilder {

	private String eventId;

	private Instant time;

	private String triggerId = "a1stesttrigger000001";

	private String payload = "";

	private String cloudId = "b1gtestcloud00000001";

	private String folderId = "b1gtestfolder0000001";

	private TimerEventBuilder() {
	}

	/** @return a builder with the defaults */
	public static TimerEventBuilder timer() {
		return new TimerEventBuilder();
	}

	/**
	 * Sets the trigger id, {@code details.trigger_id}.
	 * @param triggerId the trigger id
	 * @return this builder
	 */
	public TimerEventBuilder triggerId(String triggerId) {
		this.triggerId = triggerId;
		return this;
	}

	/**
	 * Sets the payload, {@code details.payload}: the trigger's configured text, as is.
	 * @param payload the payload, empty for none
	 * @return this builder
	 */
	public TimerEventBuilder payload(String payload) {
		this.payload = payload;
		return this;
	}

	/**
	 * Sets when the timer fired, {@code event_metadata.created_at}; the current time by
	 * default.
	 * @param time the time
	 * @return this builder
	 */
	public TimerEventBuilder time(Instant time) {
		this.time = time;
		return this;
	}

	/**
	 * Sets the id of the fire, {@code event_metadata.event_id}; a new one for every event
	 * by default, as every fire has its own.
	 * @param eventId the event id
	 * @return this builder
	 */
	public TimerEventBuilder eventId(String eventId) {
		this.eventId = eventId;
		return this;
	}

	/**
	 * Sets the cloud id, {@code event_metadata.cloud_id}.
	 * @param cloudId the cloud id
	 * @return this builder
	 */
	public TimerEventBuilder cloudId(String cloudId) {
		this.cloudId = cloudId;
		return this;
	}

	/**
	 * Sets the folder id, {@code event_metadata.folder_id}.
	 * @param folderId the folder id
	 * @return this builder
	 */
	public TimerEventBuilder folderId(String folderId) {
		this.folderId = folderId;
		return this;
	}

	/** @return the event */
	public TimerEvent build() {
		return TimerTrigger.event((this.eventId != null) ? this.eventId : TimerTrigger.newEventId(),
				(this.time != null) ? this.time : Instant.now(), this.triggerId, this.payload, this.cloudId,
				this.folderId);
	}

	/** @return the event as the mutable map a {@code Map<String, Object>} handler gets */
	public Map<String, Object> buildMap() {
		return EventMaps.of(build());
	}

}
