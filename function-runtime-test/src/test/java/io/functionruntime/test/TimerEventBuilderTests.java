package io.functionruntime.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.functionruntime.TimerEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timer events built for a test are what a timer trigger sends.
 */
class TimerEventBuilderTests {

	@Test
	void defaultsAreOneMessageWithTestIdsAnEmptyPayloadAndTheTimeNow() {
		Instant before = Instant.now();
		TimerEvent event = TimerEventBuilder.timer().build();
		assertThat(event.messages()).hasSize(1);
		TimerEvent.Message message = event.messages().get(0);
		assertThat(message.details()).isEqualTo(new TimerEvent.Details("a1stesttrigger000001", ""));
		TimerEvent.EventMetadata metadata = message.eventMetadata();
		assertThat(metadata.eventType()).isEqualTo("yandex.cloud.events.serverless.triggers.TimerMessage");
		assertThat(metadata.cloudId()).isEqualTo("b1gtestcloud00000001");
		assertThat(metadata.folderId()).isEqualTo("b1gtestfolder0000001");
		assertThat(Instant.parse(metadata.createdAt())).isBetween(before, Instant.now());
	}

	@Test
	void everyEventHasANewEventIdOfTheCloudsForm() {
		String first = TimerEventBuilder.timer().build().messages().get(0).eventMetadata().eventId();
		String second = TimerEventBuilder.timer().build().messages().get(0).eventMetadata().eventId();
		assertThat(first).matches("a1s[a-v0-9]{17}").isNotEqualTo(second);
	}

	@Test
	void timeIsWrittenInUtcWithMicroseconds() {
		TimerEvent event = TimerEventBuilder.timer().time(Instant.parse("2026-11-25T06:00:00.5+03:00")).build();
		assertThat(event.messages().get(0).eventMetadata().createdAt()).isEqualTo("2026-11-25T03:00:00.500000Z");
	}

	@Test
	void everyFieldCanBeSet() {
		TimerEvent event = TimerEventBuilder.timer()
			.eventId("a1sevent")
			.triggerId("a1strigger")
			.payload("{\"kind\": \"full\"}")
			.cloudId("b1gcloud")
			.folderId("b1gfolder")
			.build();
		TimerEvent.Message message = event.messages().get(0);
		assertThat(message.eventMetadata().eventId()).isEqualTo("a1sevent");
		assertThat(message.eventMetadata().cloudId()).isEqualTo("b1gcloud");
		assertThat(message.eventMetadata().folderId()).isEqualTo("b1gfolder");
		assertThat(message.details()).isEqualTo(new TimerEvent.Details("a1strigger", "{\"kind\": \"full\"}"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void mapHasTheCloudsSnakeCaseKeys() {
		Map<String, Object> event = TimerEventBuilder.timer().payload("p").buildMap();
		Map<String, Object> message = ((List<Map<String, Object>>) event.get("messages")).get(0);
		assertThat(message).containsOnlyKeys("event_metadata", "details");
		assertThat((Map<String, Object>) message.get("event_metadata")).containsOnlyKeys("event_id", "event_type",
				"created_at", "cloud_id", "folder_id");
		assertThat(message.get("details")).isEqualTo(Map.of("trigger_id", "a1stesttrigger000001", "payload", "p"));
	}

}
