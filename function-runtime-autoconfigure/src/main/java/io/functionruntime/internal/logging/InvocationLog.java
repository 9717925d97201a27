package io.functionruntime.internal.logging;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud's per-invocation log records, {@code START}, {@code END} and {@code REPORT},
 * through the logger {@code function-runtime.router}. Durations are in milliseconds with
 * three decimals; the billed duration is rounded up to 100 ms.
 * <p>
 * {@code START}, {@code END} and {@code REPORT} are written through an {@link Executor}:
 * the calling thread, or a {@link BackgroundLogWriter} that keeps their order and the
 * caller's MDC. Failures are always logged on the calling thread, with the stack trace.
 * <p>
 * The records are complete messages rather than {@code {}} patterns with arguments: they
 * are written on every call, and a whole message spares Logback a formatting pass and a
 * few hundred bytes per line.
 */
public class InvocationLog {

	private static final Logger logger = LoggerFactory.getLogger("function-runtime.router");

	private static final long MEGABYTE = 1024 * 1024;

	private final Executor writer;

	/**
	 * Creates a log that writes on the calling thread.
	 */
	public InvocationLog() {
		this(Runnable::run);
	}

	/**
	 * Creates a log that writes the per-call records through the given writer.
	 * @param writer what runs the writing of a record, in the order given
	 */
	public InvocationLog(Executor writer) {
		this.writer = writer;
	}

	/**
	 * Logs the start of a call.
	 * @param requestId the request id
	 * @param versionId the function version id
	 */
	public void start(String requestId, String versionId) {
		if (logger.isInfoEnabled()) {
			this.writer.execute(() -> logger.info("START RequestID: " + requestId + " Version: " + versionId));
		}
	}

	/**
	 * Logs the end of a call and its report.
	 * @param requestId the request id
	 * @param report the figures of the call
	 */
	public void end(String requestId, Report report) {
		if (logger.isInfoEnabled()) {
			String reportLine = reportLine(requestId, report);
			this.writer.execute(() -> {
				logger.info("END RequestID: " + requestId);
				logger.info(reportLine);
			});
		}
	}

	/**
	 * Logs a handler failure once, with its stack trace.
	 * @param requestId the request id
	 * @param function the entry point
	 * @param failure what the handler threw
	 */
	public void failure(String requestId, String function, Throwable failure) {
		try {
			logger.error("Function {} failed, RequestID: {}", function, requestId, failure);
		}
		catch (RuntimeException ex) {
			logger.error("Function {} failed, RequestID: {}, with a {} that cannot be printed", function, requestId,
					failure.getClass().getName());
		}
	}

	static String reportLine(String requestId, Report report) {
		StringBuilder line = new StringBuilder(200).append("REPORT RequestID: ").append(requestId);
		line.append(" Duration: ");
		appendMillis(line, report.durationNanos());
		line.append(" ms Billed Duration: ").append(billedMillis(report.durationNanos()));
		line.append(" ms Memory Size: ").append(report.memoryLimitMb());
		line.append(" MB Max Memory Used: ").append(usedMemoryMb());
		line.append(" MB Queuing Duration: ");
		appendMillis(line, report.queueNanos());
		line.append(" ms");
		if (report.initNanos() >= 0) {
			line.append(" Function Init Duration: ");
			appendMillis(line, report.initNanos());
			line.append(" ms");
		}
		return line.toString();
	}

	static long billedMillis(long durationNanos) {
		long hundreds = (durationNanos + 99_999_999) / 100_000_000;
		return Math.max(1, hundreds) * 100;
	}

	private static void appendMillis(StringBuilder line, long nanos) {
		long micros = Math.max(0, nanos) / 1000;
		long fraction = micros % 1000;
		line.append(micros / 1000).append('.');
		if (fraction < 100) {
			line.append('0');
		}
		if (fraction < 10) {
			line.append('0');
		}
		line.append(fraction);
	}

	private static long usedMemoryMb() {
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) / MEGABYTE;
	}

	/**
	 * The figures of one call.
	 *
	 * @param durationNanos time in the handler, cold start included
	 * @param queueNanos time waiting for an instance
	 * @param initNanos time to create a cold instance, or {@code -1} for a warm one
	 * @param memoryLimitMb the function's memory limit
	 */
	public record Report(long durationNanos, long queueNanos, long initNanos, int memoryLimitMb) {
	}

}
