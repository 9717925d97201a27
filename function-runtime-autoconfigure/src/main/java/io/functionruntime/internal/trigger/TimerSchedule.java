package io.functionruntime.internal.trigger;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.scheduling.support.CronExpression;

/**
 * Reads a timer's cron expression in either of two formats, both evaluated in UTC as in
 * the cloud:
 * <ul>
 * <li>the cloud's, {@code Minutes Hours Day-of-month Month Day-of-week [Year]}, recognised
 * by the {@code ?} the cloud requires in the day-of-month or day-of-week field; days of
 * the week count 1–7 from Sunday, and the year may only be {@code *};</li>
 * <li>Spring's, {@code Seconds Minutes Hours Day-of-month Month Day-of-week}, for
 * schedules finer than a minute; it can never have a {@code ?} where the cloud's has one.</li>
 * </ul>
 */
public final class TimerSchedule {

	/** A day-of-week number, not the step after {@code /} nor the occurrence after {@code #}. */
	private static final Pattern DAY_NUMBER = Pattern.compile("(?<![/#\\d])(\\d+)(?!\\d)");

	private TimerSchedule() {
	}

	/**
	 * Translates an expression to Spring's six-field form, checking it.
	 * @param expression the cloud's or Spring's cron expression
	 * @return the expression in Spring's form
	 * @throws IllegalArgumentException naming what is wrong with it
	 */
	public static String toSpringCron(String expression) {
		String[] fields = expression.trim().split("\\s+");
		boolean cloud = (fields.length == 5 || fields.length == 6) && ("?".equals(fields[2]) || "?".equals(fields[4]));
		String spring;
		if (cloud) {
			if (fields.length == 6 && !"*".equals(fields[5])) {
				throw new IllegalArgumentException("its year field is '" + fields[5] + "', but only '*' is supported");
			}
			spring = "0 " + fields[0] + " " + fields[1] + " " + fields[2] + " " + fields[3] + " "
					+ springDaysOfWeek(fields[4]);
		}
		else if (fields.length == 6) {
			spring = String.join(" ", fields);
		}
		else {
			throw new IllegalArgumentException("it has " + fields.length + " fields; write the cloud's "
					+ "'Minutes Hours Day-of-month Month Day-of-week [Year]' with a '?' in one of the day fields, "
					+ "or Spring's 'Seconds Minutes Hours Day-of-month Month Day-of-week'");
		}
		CronExpression.parse(spring);
		return spring;
	}

	/** The cloud counts days 1 (Sunday) to 7 (Saturday), Spring 0 (Sunday) to 6. */
	private static String springDaysOfWeek(String field) {
		if ("L".equalsIgnoreCase(field)) {
			return "SAT";
		}
		Matcher numbers = DAY_NUMBER.matcher(field);
		StringBuilder spring = new StringBuilder();
		while (numbers.find()) {
			int day = Integer.parseInt(numbers.group(1));
			if (day < 1 || day > 7) {
				throw new IllegalArgumentException(
						"its day of week " + day + " is out of range: the cloud counts days 1 (SUN) to 7 (SAT)");
			}
			numbers.appendReplacement(spring, String.valueOf(day - 1));
		}
		return numbers.appendTail(spring).toString();
	}

}
