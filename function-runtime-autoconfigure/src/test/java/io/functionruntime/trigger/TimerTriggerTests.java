package io.functionruntime.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import io.functionruntime.TimerEvent;
import io.functionruntime.trigger.TriggerFunctions.Attempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timer triggers fire on schedule with the cloud's timer message, through the invoker:
 * one call at a time per instance, failures and timeouts logged with their request id,
 * retries as configured. Every timer of the {@code trigger} profile runs from startup, so
 * the tests wait for what they need, generously: the machines are shared.
 */
@SpringBootTest(classes = TriggerFunctions.class)
@ActiveProfiles("trigger")
@ExtendWith(OutputCaptureExtension.class)
class TimerTriggerTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@Autowired
	TriggerFunctions.Tick tick;

	@Autowired
	TriggerFunctions.Busy busy;

	@Autowired
	TriggerFunctions.Never never;

	@Autowired
	TriggerFunctions.Flaky flaky;

	@Autowired
	TriggerFunctions.Slow slow;

	@Test
	void timerWithAOneSecondScheduleFires() {
		int before = this.tick.events.size();
		await().atMost(PATIENCE).until(() -> this.tick.events.size() > before + 1);
		List<Instant> fired = this.tick.events.stream()
			.map((event) -> Instant.parse(event.get("messages").get(0).get("event_metadata").get("created_at").asString()))
			.toList();
		assertThat(fired.stream().map((instant) -> instant.truncatedTo(ChronoUnit.SECONDS)).distinct())
			.as("never two fires in one second")
			.hasSameSizeAs(fired);
	}

	@Test
	void eventIsTheCloudsTimerMessage() {
		await().atMost(PATIENCE).until(() -> !this.tick.events.isEmpty());
		JsonNode event = this.tick.events.get(0);
		assertThat(event.propertyNames()).containsExactly("messages");
		assertThat(event.get("messages")).hasSize(1);
		JsonNode message = event.get("messages").get(0);
		assertThat(message.propertyNames()).containsExactly("event_metadata", "details");
		JsonNode metadata = message.get("event_metadata");
		assertThat(metadata.propertyNames()).containsExactly("event_id", "event_type", "created_at", "cloud_id",
				"folder_id");
		assertThat(metadata.get("event_id").asString()).matches("a1s[a-v0-9]{17}");
		assertThat(metadata.get("event_type").asString())
			.isEqualTo("yandex.cloud.events.serverless.triggers.TimerMessage");
		assertThat(metadata.get("created_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
		assertThat(metadata.get("cloud_id").asString()).isEqualTo("b1gtestcloud00000001");
		assertThat(metadata.get("folder_id").asString()).isEqualTo("b1gtestfolder0000001");
		JsonNode details = message.get("details");
		assertThat(details.propertyNames()).containsExactly("trigger_id", "payload");
		assertThat(details.get("trigger_id").asString()).isEqualTo("a1stesttrigger000001");
		assertThat(details.get("payload").asString()).isEqualTo("{\"job\":\"tick\"}");
	}

	@Test
	void everyFireHasAnEventIdOfItsOwn() {
		await().atMost(PATIENCE).until(() -> this.tick.events.size() >= 2);
		assertThat(this.tick.events.stream()
			.map((event) -> event.get("messages").get(0).get("event_metadata").get("event_id").asString())
			.distinct()).hasSameSizeAs(this.tick.events);
	}

	@Test
	void firesThatOverlapABusyFunctionNeverEnterItTwiceAndAreRefusedAndLogged(CapturedOutput output) {
		// A call stays in busy.handler until released, so the next fires overlap it
		await().atMost(PATIENCE)
			.until(() -> output.getOut()
				.matches("(?s).*Timer trigger 'busy': the call of busy\\.handler was refused: Too many requests: "
						+ "the function's requests limit of 1 calls in flight or queued is reached, "
						+ "RequestID: [0-9a-f-]{36}; no retry.*"));
		this.busy.release.countDown();
		await().atMost(PATIENCE).until(() -> this.busy.calls.get() >= 2);
		assertThat(this.busy.maxConcurrent.get()).isEqualTo(1);
	}

	@Test
	void disabledTimerNeverFires() {
		await().atMost(PATIENCE).until(() -> this.tick.events.size() >= 2);
		assertThat(this.never.calls.get()).isZero();
	}

	@Test
	void failedCallIsLoggedWithItsRequestIdAndRetriedAsConfigured(CapturedOutput output) {
		int before = this.flaky.attempts.size();
		await().atMost(PATIENCE).until(() -> retriedEvent(before) != null);
		List<Attempt> attempts = retriedEvent(before);
		assertThat(attempts.stream().map(Attempt::requestId).distinct()).hasSize(3);
		assertThat(attempts.get(1).nanos() - attempts.get(0).nanos()).isGreaterThanOrEqualTo(250_000_000L);
		assertThat(attempts.get(2).nanos() - attempts.get(1).nanos()).isGreaterThanOrEqualTo(250_000_000L);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(output.getOut())
			.contains("Timer trigger 'flaky': the call of flaky.handler failed with IllegalStateException: flaky, "
					+ "RequestID: " + attempts.get(0).requestId() + "; retry 1 of 2 in 300 ms")
			.contains("RequestID: " + attempts.get(1).requestId() + "; retry 2 of 2 in 300 ms")
			.contains("RequestID: " + attempts.get(2).requestId() + "; no retry"));
		await().during(Duration.ofMillis(600))
			.atMost(PATIENCE)
			.until(() -> attemptsOf(attempts.get(0).eventId()).size() == 3);
	}

	@Test
	void timedOutCallIsLoggedWithItsRequestId(CapturedOutput output) {
		int before = this.slow.requestIds.size();
		await().atMost(PATIENCE).until(() -> this.slow.requestIds.size() > before);
		String requestId = this.slow.requestIds.get(before);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(output.getOut()).contains(
				"Timer trigger 'slow': the call of slow.handler timed out after 500 ms, RequestID: " + requestId));
	}

	/**
	 * Finds an event that was called, then retried twice, since a test began: the output
	 * captured for a test holds only what was logged during it.
	 */
	private List<Attempt> retriedEvent(int since) {
		List<Attempt> all = List.copyOf(this.flaky.attempts);
		return all.subList(since, all.size())
			.stream()
			.collect(Collectors.groupingBy(Attempt::eventId, LinkedHashMap::new, Collectors.toList()))
			.values()
			.stream()
			.filter((ofEvent) -> ofEvent.size() == 3)
			.findFirst()
			.orElse(null);
	}

	private List<Attempt> attemptsOf(String eventId) {
		return this.flaky.attempts.stream().filter((attempt) -> attempt.eventId().equals(eventId)).toList();
	}

	@Test
	void typedHandlerGetsTheTimerEvent() {
		await().atMost(PATIENCE).until(() -> !this.flaky.attempts.isEmpty());
		assertThat(this.flaky.attempts.get(0).eventId()).matches("a1s[a-v0-9]{17}");
		assertThat(TimerEvent.EVENT_TYPE).isEqualTo("yandex.cloud.events.serverless.triggers.TimerMessage");
	}

}
