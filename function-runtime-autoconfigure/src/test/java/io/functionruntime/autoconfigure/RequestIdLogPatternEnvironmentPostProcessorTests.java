package io.functionruntime.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request id pattern is a default: it is written for the logging system in use, an
 * application's own correlation pattern wins, and Micrometer Tracing's ids are kept.
 */
class RequestIdLogPatternEnvironmentPostProcessorTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void logbackGetsTheRequestIdPattern() {
		postProcess();
		assertThat(correlationPattern()).isEqualTo("%replace(%X{requestId}){'(.+)', '[$1] '}");
	}

	@Test
	void patternOfTheApplicationWins() {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of("logging.pattern.correlation", "[%X{traceId}] ")));
		postProcess();
		assertThat(correlationPattern()).isEqualTo("[%X{traceId}] ");
	}

	@Test
	void tracingKeepsItsTraceAndSpanIds() {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("tracing", Map.of("logging.expect-correlation-id", "true")));
		postProcess();
		assertThat(correlationPattern()).endsWith("] '}%correlationId");
	}

	@Test
	void javaUtilLoggingGetsNoPattern() {
		assertThat(RequestIdLogPatternEnvironmentPostProcessor.pattern(
				new FilteredClassLoader("ch.qos.logback", "org.apache.logging.log4j.core")))
			.isNull();
	}

	private void postProcess() {
		new RequestIdLogPatternEnvironmentPostProcessor().postProcessEnvironment(this.environment,
				new SpringApplication());
	}

	private String correlationPattern() {
		return this.environment.getProperty("logging.pattern.correlation");
	}

}
