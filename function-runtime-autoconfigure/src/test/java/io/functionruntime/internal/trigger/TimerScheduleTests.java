package io.functionruntime.internal.trigger;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Timer schedules in the cloud's cron format and in Spring's.
 */
class TimerScheduleTests {

	/** A Wednesday. */
	private static final ZonedDateTime NEW_YEAR = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	@Test
	void cloudExpressionGetsASecondsFieldAndLosesItsYear() {
		assertThat(TimerSchedule.toSpringCron("0 12 ? * * *")).isEqualTo("0 0 12 ? * *");
	}

	@Test
	void cloudExpressionWithoutAYearIsRead() {
		assertThat(TimerSchedule.toSpringCron("*/5 * * * ?")).isEqualTo("0 */5 * * * ?");
	}

	@Test
	void cloudDaysOfWeekCountFromSundayAsOne() {
		assertThat(next("0 12 ? * 2-6 *")).isEqualTo(NEW_YEAR.withHour(12));
		assertThat(next("0 12 ? * 1 *")).isEqualTo(NEW_YEAR.withDayOfMonth(5).withHour(12));
		assertThat(next("0 12 ? * 7 *")).isEqualTo(NEW_YEAR.withDayOfMonth(4).withHour(12));
	}

	@Test
	void cloudDayOfWeekNamesAreKept() {
		assertThat(TimerSchedule.toSpringCron("0 9 ? * MON-FRI *")).isEqualTo("0 0 9 ? * MON-FRI");
	}

	@Test
	void cloudStepsAndOccurrencesAreNotDays() {
		assertThat(TimerSchedule.toSpringCron("0 9 ? * 1/2 *")).isEqualTo("0 0 9 ? * 0/2");
		assertThat(TimerSchedule.toSpringCron("0 9 ? * 2#3 *")).isEqualTo("0 0 9 ? * 1#3");
	}

	@Test
	void cloudLastDayOfWeekIsSaturday() {
		assertThat(TimerSchedule.toSpringCron("0 9 ? * L *")).isEqualTo("0 0 9 ? * SAT");
		assertThat(next("0 9 ? * 6L *")).isEqualTo(NEW_YEAR.withDayOfMonth(31).withHour(9));
	}

	@Test
	void cloudLastDayOfMonthIsKept() {
		assertThat(next("30 23 L * ? *")).isEqualTo(NEW_YEAR.withDayOfMonth(31).withHour(23).withMinute(30));
	}

	@Test
	void cloudYearOtherThanAnyIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TimerSchedule.toSpringCron("0 12 ? * * 2030"))
			.withMessage("its year field is '2030', but only '*' is supported");
	}

	@Test
	void cloudDayOfWeekZeroIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TimerSchedule.toSpringCron("0 12 ? * 0 *"))
			.withMessage("its day of week 0 is out of range: the cloud counts days 1 (SUN) to 7 (SAT)");
	}

	@Test
	void springExpressionWithSecondsIsKept() {
		assertThat(TimerSchedule.toSpringCron("*/10 * * * * *")).isEqualTo("*/10 * * * * *");
	}

	@Test
	void springDaysOfWeekAreNotTranslated() {
		assertThat(TimerSchedule.toSpringCron("0 0 12 * * 1")).isEqualTo("0 0 12 * * 1");
	}

	@Test
	void expressionOfOtherLengthsIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TimerSchedule.toSpringCron("* * * * *"))
			.withMessageStartingWith("it has 5 fields; write the cloud's");
	}

	@Test
	void invalidFieldIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TimerSchedule.toSpringCron("0 61 * * * *"));
	}

	private static ZonedDateTime next(String cloudExpression) {
		return CronExpression.parse(TimerSchedule.toSpringCron(cloudExpression)).next(NEW_YEAR);
	}

}
