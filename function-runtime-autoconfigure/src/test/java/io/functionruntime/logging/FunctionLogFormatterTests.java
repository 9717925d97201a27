package io.functionruntime.logging;

import java.nio.charset.StandardCharsets;

import io.functionruntime.internal.logging.InvocationMdc;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structured JSON line of {@link FunctionLogFormatter}: one object per line that names
 * the call.
 */
class FunctionLogFormatterTests {

	private final LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final Logger router = this.loggers.getLogger("function-runtime.router");

	private final FunctionLogFormatter formatter = new FunctionLogFormatter();

	@AfterEach
	void clearMdc() {
		InvocationMdc.clear();
	}

	private JsonNode format(LoggingEvent event) {
		String line = this.formatter.format(event);
		assertThat(line).endsWith("\n").doesNotContain("\n\n");
		assertThat(line.lines()).hasSize(1);
		return JsonMapper.shared().readTree(line);
	}

	@Test
	void lineOfACallHasTimestampLevelMessageRequestIdFunctionAndLogger() {
		InvocationMdc.put("r-1", "main.handler");
		LoggingEvent event = new LoggingEvent("test", this.router, Level.INFO, "START RequestID: {} Version: {}",
				null, new Object[] { "r-1", "v-1" });
		event.setTimeStamp(1_657_713_539_000L);
		JsonNode line = format(event);
		assertThat(line.propertyNames()).containsExactly("timestamp", "level", "message", "requestId", "function",
				"logger");
		assertThat(line.get("timestamp").asString()).isEqualTo("2022-07-13T11:58:59Z");
		assertThat(line.get("level").asString()).isEqualTo("INFO");
		assertThat(line.get("message").asString()).isEqualTo("START RequestID: r-1 Version: v-1");
		assertThat(line.get("requestId").asString()).isEqualTo("r-1");
		assertThat(line.get("function").asString()).isEqualTo("main.handler");
		assertThat(line.get("logger").asString()).isEqualTo("function-runtime.router");
	}

	@Test
	void bytesAreTheLineInTheEncodersCharset() {
		InvocationMdc.put("r-3", "main.handler");
		LoggingEvent event = new LoggingEvent("test", this.router, Level.INFO, "caf\u00e9 \u2713 \"quoted\"", null,
				null);
		String line = this.formatter.format(event);
		assertThat(line).contains("caf\u00e9 \u2713 \\\"quoted\\\"");
		assertThat(this.formatter.formatAsBytes(event, StandardCharsets.UTF_8))
			.isEqualTo(line.getBytes(StandardCharsets.UTF_8));
		assertThat(this.formatter.formatAsBytes(event, StandardCharsets.UTF_16BE))
			.isEqualTo(line.getBytes(StandardCharsets.UTF_16BE));
		assertThat(JsonMapper.shared()
			.readTree(new String(this.formatter.formatAsBytes(event, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
			.get("message")
			.asString()).isEqualTo("caf\u00e9 \u2713 \"quoted\"");
	}

	@Test
	void lineOutsideACallHasNoRequestIdOrFunction() {
		JsonNode line = format(new LoggingEvent("test", this.router, Level.WARN, "started", null, null));
		assertThat(line.propertyNames()).containsExactly("timestamp", "level", "message", "logger");
		assertThat(line.get("level").asString()).isEqualTo("WARN");
	}

	@Test
	void failureCarriesItsStackTraceInsideTheOneLine() {
		InvocationMdc.put("r-2", "errors.handler");
		JsonNode line = format(new LoggingEvent("test", this.router, Level.ERROR, "Function errors.handler failed",
				new IllegalStateException("boom\nsecond line"), null));
		assertThat(line.get("stackTrace").asString()).startsWith("java.lang.IllegalStateException: boom\nsecond line")
			.contains("\tat io.functionruntime.logging.FunctionLogFormatterTests");
		assertThat(line.get("requestId").asString()).isEqualTo("r-2");
	}

}
