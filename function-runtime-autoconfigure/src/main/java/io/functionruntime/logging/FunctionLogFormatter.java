package io.functionruntime.logging;

import java.nio.charset.Charset;
import java.time.Instant;

import io.functionruntime.internal.logging.InvocationMdc;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;

/**
 * Structured JSON log lines in the spirit of the cloud's structured logging: one object a
 * line with {@code timestamp}, {@code level}, {@code message}, {@code requestId},
 * {@code function}, {@code logger} and, for a failure, {@code stackTrace}. Enable it with
 * {@code logging.structured.format.console=io.functionruntime.logging.FunctionLogFormatter}
 * (Logback, Spring Boot's default).
 */
public class FunctionLogFormatter extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

	public FunctionLogFormatter() {
		super(JsonWriter.<ILoggingEvent>of((members) -> {
			members.add("timestamp", (event) -> Instant.ofEpochMilli(event.getTimeStamp()).toString());
			members.add("level", (event) -> event.getLevel().toString());
			members.add("message", ILoggingEvent::getFormattedMessage);
			members.add("requestId", (event) -> event.getMDCPropertyMap().get(InvocationMdc.REQUEST_ID)).whenNotNull();
			members.add("function", (event) -> event.getMDCPropertyMap().get(InvocationMdc.FUNCTION_NAME))
				.whenNotNull();
			members.add("logger", ILoggingEvent::getLoggerName);
			members.add("stackTrace", FunctionLogFormatter::stackTrace).whenNotNull();
		}).withNewLineAtEnd());
	}

	/**
	 * Encodes the line written as a string: Spring Boot's default writes each line through
	 * a new {@code OutputStreamWriter}, whose encoding buffer was most of what a line cost
	 * (see the benchmark docs).
	 */
	@Override
	public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
		return format(event).getBytes(charset);
	}

	private static String stackTrace(ILoggingEvent event) {
		IThrowableProxy proxy = event.getThrowableProxy();
		return (proxy != null) ? ThrowableProxyUtil.asString(proxy) : null;
	}

}
