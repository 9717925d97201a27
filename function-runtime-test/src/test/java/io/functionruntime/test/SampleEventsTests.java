package io.functionruntime.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample events of {@code docs/events} are what the builders make, and so what the
 * runtime sends: a change to the events fails here until the samples follow.
 */
class SampleEventsTests {

	private static final Path DOCS = Path.of(System.getProperty("basedir", "."), "..", "docs");

	private static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void httpSampleIsTheSeedRequestAsHttpEventBuilderBuildsIt() throws IOException {
		Object seed = HttpEventBuilder.post()
			.query("param", "one")
			.header("Accept", "*/*")
			.header("User-Agent", "curl/8.5.0")
			.header("X-Trace-Id", "4f9e4d0b-6c0a-4d65-9a8d-2b0c3e6f7a10")
			.jsonBody("{\"hello\": \"world\"}")
			.requestId("c8d0f1a2-3b4c-4d5e-8f60-718293a4b5c6")
			.time(Instant.parse("2026-11-25T03:00:00Z"))
			.build();
		assertSample("events/http.json", seed);
	}

	@Test
	void timerSampleIsTheCloudsExampleAsTimerEventBuilderBuildsIt() throws IOException {
		assertSample("events/timer.json", cloudsTimerExample());
	}

	@Test
	void triggersDocumentShowsTheTimerSample() throws IOException {
		String document = Files.readString(DOCS.resolve("triggers.md"));
		int section = document.indexOf("## The event");
		int start = document.indexOf("```json\n", section) + "```json\n".length();
		String shown = document.substring(start, document.indexOf("```", start));
		assertThat(JSON.readTree(shown)).as("the event of docs/triggers.md is docs/events/timer.json")
			.isEqualTo(JSON.readTree(DOCS.resolve("events/timer.json").toFile()));
	}

	static Object cloudsTimerExample() {
		return TimerEventBuilder.timer()
			.eventId("a1s41g2n5g0o4l0l1dob")
			.time(Instant.parse("2026-11-25T03:00:00.000132Z"))
			.cloudId("b1gvlrnlei4l5idm9cbj")
			.folderId("b1g88tflru0ek1omtsu0")
			.triggerId("a1sfe084v4h2ag8hkg2b")
			.payload("{\"kind\": \"full\"}")
			.build();
	}

	private static void assertSample(String name, Object built) throws IOException {
		JsonNode expected = JSON.readTree(JSON.writeValueAsString(built));
		assertThat(JSON.readTree(DOCS.resolve(name).toFile()))
			.as("docs/%s must be what the builder makes; write it as:%n%s", name,
					JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected))
			.isEqualTo(expected);
	}

}
