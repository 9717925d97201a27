package io.functionruntime.internal.logging;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.functionruntime.internal.logging.InvocationLog.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-invocation START / END / REPORT records (SPEC §9).
 */
@ExtendWith(OutputCaptureExtension.class)
class InvocationLogTests {

	private static final long DURATION = 236_606_000L;

	private static final long QUEUE = 27_000L;

	private static final long INIT = 225_298_000L;

	private final Logger router = ((LoggerContext) LoggerFactory.getILoggerFactory())
		.getLogger("function-runtime.router");

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@BeforeEach
	void captureRouterLines() {
		this.lines.start();
		this.router.addAppender(this.lines);
	}

	@AfterEach
	void stopCapturing() {
		this.router.detachAppender(this.lines);
		InvocationMdc.clear();
	}

	@Test
	void reportLineOfAWarmCallHasTheCloudsFieldsInOrder() {
		String line = InvocationLog.reportLine("r1", new Report(DURATION, QUEUE, -1, 128));

		assertThat(line).matches("REPORT RequestID: r1 Duration: 236\\.606 ms Billed Duration: 300 ms "
				+ "Memory Size: 128 MB Max Memory Used: \\d+ MB Queuing Duration: 0\\.027 ms");
	}

	@Test
	void reportLineOfAColdCallEndsWithTheInitDuration() {
		String line = InvocationLog.reportLine("r1", new Report(DURATION, QUEUE, INIT, 128));

		assertThat(line).matches("REPORT RequestID: r1 Duration: 236\\.606 ms Billed Duration: 300 ms "
				+ "Memory Size: 128 MB Max Memory Used: \\d+ MB Queuing Duration: 0\\.027 ms "
				+ "Function Init Duration: 225\\.298 ms");
	}

	@Test
	void reportLineOfAWarmCallHasNoInitDuration() {
		String line = InvocationLog.reportLine("r1", new Report(DURATION, QUEUE, -1, 128));

		assertThat(line).doesNotContain("Init");
	}

	@Test
	void reportLineOfAColdCallWithAZeroInitStillShowsIt() {
		String line = InvocationLog.reportLine("r1", new Report(DURATION, QUEUE, 0, 128));

		assertThat(line).endsWith(" ms Function Init Duration: 0.000 ms");
	}

	@Test
	void reportLinePadsMillisecondFractionsToThreeDigits() {
		String line = InvocationLog.reportLine("r1", new Report(5_007_000L, 1_050_000L, -1, 256));

		assertThat(line).matches("REPORT RequestID: r1 Duration: 5\\.007 ms Billed Duration: 100 ms "
				+ "Memory Size: 256 MB Max Memory Used: \\d+ MB Queuing Duration: 1\\.050 ms");
	}

	@Test
	void billedDurationOfZeroIsOneHundredMilliseconds() {
		assertThat(InvocationLog.billedMillis(0)).isEqualTo(100);
	}

	@Test
	void billedDurationOfOneNanosecondIsOneHundredMilliseconds() {
		assertThat(InvocationLog.billedMillis(1)).isEqualTo(100);
	}

	@Test
	void billedDurationOfExactlyOneHundredMillisecondsIsOneHundred() {
		assertThat(InvocationLog.billedMillis(100_000_000L)).isEqualTo(100);
	}

	@Test
	void billedDurationJustOverOneHundredMillisecondsIsRoundedUpToTwoHundred() {
		assertThat(InvocationLog.billedMillis(100_000_001L)).isEqualTo(200);
	}

	@Test
	void billedDurationIsRoundedUpToTheNextHundredMilliseconds() {
		assertThat(InvocationLog.billedMillis(DURATION)).isEqualTo(300);
	}

	@Test
	void startIsLoggedWithRequestIdAndVersion(CapturedOutput output) {
		new InvocationLog().start("r1", "v1");

		assertThat(output).contains("function-runtime.router").contains("START RequestID: r1 Version: v1");
	}

	@Test
	void endIsLoggedWithTheRequestIdAndFollowedByTheReport(CapturedOutput output) {
		new InvocationLog().end("r1", new Report(DURATION, QUEUE, INIT, 128));

		assertThat(output.getOut()).containsPattern("function-runtime\\.router.*END RequestID: r1\\R")
			.containsPattern("function-runtime\\.router.*REPORT RequestID: r1 Duration: 236\\.606 ms "
					+ "Billed Duration: 300 ms Memory Size: 128 MB Max Memory Used: \\d+ MB "
					+ "Queuing Duration: 0\\.027 ms Function Init Duration: 225\\.298 ms\\R");
		assertThat(output.getOut().indexOf("END RequestID: r1"))
			.isLessThan(output.getOut().indexOf("REPORT RequestID: r1"));
	}

	@Test
	void byDefaultTheLinesAreWrittenOnTheCallingThreadBeforeItGoesOn() {
		InvocationLog log = new InvocationLog();
		InvocationMdc.put("r1", "main.handler");

		log.start("r1", "v1");
		log.end("r1", new Report(DURATION, QUEUE, -1, 128));

		assertThat(this.lines.list).extracting(ILoggingEvent::getThreadName)
			.containsOnly(Thread.currentThread().getName())
			.hasSize(3);
	}

	@Test
	void withABackgroundWriterTheLinesKeepTheirOrderAndTheCallsMdc() throws Exception {
		BackgroundLogWriter writer = new BackgroundLogWriter("function-runtime-log", 16);
		InvocationLog log = new InvocationLog(writer);
		InvocationMdc.put("r1", "main.handler");
		log.start("r1", "v1");
		InvocationMdc.put("r2", "other.handler");
		log.start("r2", "v2");
		log.end("r2", new Report(DURATION, QUEUE, -1, 128));
		InvocationMdc.put("r1", "main.handler");
		log.end("r1", new Report(DURATION, QUEUE, INIT, 128));
		writer.close();

		List<ILoggingEvent> written = this.lines.list;
		assertThat(written).extracting((line) -> line.getFormattedMessage().split(" ", 4))
			.extracting((words) -> words[0] + " " + words[2])
			.containsExactly("START r1", "START r2", "END r2", "REPORT r2", "END r1", "REPORT r1");
		String caller = Thread.currentThread().getName();
		assertThat(written).allSatisfy((line) -> {
			assertThat(line.getThreadName()).as("nothing else was written, so each line at once by its caller")
				.isEqualTo(caller);
			assertThat(line.getFormattedMessage()).contains("RequestID: " + line.getMDCPropertyMap().get("requestId"));
		});
		assertThat(written).extracting((line) -> line.getMDCPropertyMap().get("functionName"))
			.containsExactly("main.handler", "other.handler", "other.handler", "other.handler", "main.handler",
					"main.handler");
	}

}
