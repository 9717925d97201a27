package io.functionruntime.logging;

import java.net.http.HttpResponse;
import java.util.Map;

import io.functionruntime.FunctionHandler;
import io.functionruntime.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Boot's default console pattern, the lines a handler logs carry the call's
 * request id, the one its response's {@code X-Request-Id} has; lines outside a call are
 * unchanged, and a correlation pattern the application sets wins. Each test starts an
 * application of its own, since logging is configured as an application starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdLogPatternTests {

	@Test
	void handlerLinesCarryTheRequestId(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			String requestId = call(context);
			assertThat(lineOf(output, "handled the call")).contains(" [" + requestId + "] ");
			assertThat(lineOf(output, "Function log.line at /log.line")).doesNotContain("[]")
				.doesNotContain(requestId);
		}
	}

	@Test
	void correlationPatternOfTheApplicationWins(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("--logging.pattern.correlation=<%X{functionName}> ")) {
			String requestId = call(context);
			assertThat(lineOf(output, "handled the call")).contains(" <log.line> ").doesNotContain(requestId);
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(LoggingFunctions.class).properties("server.port=0").run(args);
	}

	private static String call(ConfigurableApplicationContext context) {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpResponse<byte[]> response = new TestHttp(port).get("/log.line");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.headers().firstValue("X-Request-Id").orElseThrow();
	}

	private static String lineOf(CapturedOutput output, String text) {
		return output.getOut().lines().filter((line) -> line.contains(text)).findFirst().orElseThrow();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class LoggingFunctions {

		@Bean
		LoggingHandler loggingHandler() {
			return new LoggingHandler();
		}

	}

	static class LoggingHandler {

		private static final Logger logger = LoggerFactory.getLogger(LoggingHandler.class);

		@FunctionHandler("log.line")
		Map<String, Object> handle(Map<String, Object> event) {
			logger.info("handled the call");
			return Map.of("body", "logged");
		}

	}

}
