package io.functionruntime.bench;

import java.io.OutputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/**
 * Logging of the in-process benchmarks, set up in code (a {@code logback.xml} would also
 * change the baseline app's logging, which shares the module): everything at WARN, and the
 * runtime's {@code START}/{@code END}/{@code REPORT} logger either at WARN too or at INFO
 * into a discarding stream with Spring Boot's console layout, so the formatting cost is
 * measured without the terminal's.
 */
public final class BenchLogging {

	/** Spring Boot's default console pattern without the colours. */
	private static final String BOOT_CONSOLE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p 4242 --- [%15.15t] "
			+ "%-40.40logger{39} : %m%n";

	private BenchLogging() {
	}

	/**
	 * Configures logback.
	 * @param routerLevel {@code WARN} or {@code INFO}, the level of {@code function-runtime.router}
	 */
	public static void configure(String routerLevel) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.reset();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.WARN);
		Logger router = context.getLogger("function-runtime.router");
		router.setLevel(Level.toLevel(routerLevel));
		router.setAdditive(false);
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern(BOOT_CONSOLE_PATTERN);
		encoder.start();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(context);
		appender.setName("discard");
		appender.setEncoder(encoder);
		appender.setOutputStream(OutputStream.nullOutputStream());
		appender.start();
		router.addAppender(appender);
	}

}
