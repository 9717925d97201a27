package io.functionruntime.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durations in startup messages read as they are configured.
 */
class DurationTextTests {

	@Test
	void durationIsWrittenInItsLargestExactUnit() {
		assertThat(DurationText.of(Duration.ofMinutes(20))).isEqualTo("20m");
		assertThat(DurationText.of(Duration.ofMinutes(90))).isEqualTo("90m");
		assertThat(DurationText.of(Duration.ofHours(2))).isEqualTo("2h");
		assertThat(DurationText.of(Duration.ofMillis(1500))).isEqualTo("1500ms");
		assertThat(DurationText.of(Duration.ofSeconds(-5))).isEqualTo("-5s");
		assertThat(DurationText.of(Duration.ZERO)).isEqualTo("0ms");
		assertThat(DurationText.of(Duration.ofNanos(1500))).isEqualTo("1500ns");
	}

}
