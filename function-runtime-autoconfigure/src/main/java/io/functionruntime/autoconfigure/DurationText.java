package io.functionruntime.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.convert.DurationStyle;

/**
 * Writes a duration the way it is configured ({@code 11m}, {@code 1500ms}), not as
 * {@code PT11M}, so that a startup message quotes what the user wrote.
 */
final class DurationText {

	private static final List<ChronoUnit> UNITS = List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
			ChronoUnit.SECONDS, ChronoUnit.MILLIS);

	private DurationText() {
	}

	static String of(Duration duration) {
		if (duration.isZero()) {
			return "0ms";
		}
		for (ChronoUnit unit : UNITS) {
			if (duration.toNanos() % unit.getDuration().toNanos() == 0) {
				return DurationStyle.SIMPLE.print(duration, unit);
			}
		}
		return DurationStyle.SIMPLE.print(duration, (duration.toNanos() % 1000 == 0) ? ChronoUnit.MICROS
				: ChronoUnit.NANOS);
	}

}
