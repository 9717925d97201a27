package io.functionruntime.autoconfigure;

import java.util.Map;

import io.functionruntime.FunctionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup warns about a function whose timeout is longer than the shutdown's grace period,
 * since a shutdown would cut its calls short.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownGracePeriodWarningTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class))
		.withBean("slow", Slow.class);

	@Test
	void timeoutLongerThanTheGracePeriodIsWarnedAboutWithTheFix(CapturedOutput output) {
		this.runner
			.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=20s",
					"function-runtime.functions[slow.handler].timeout=45s")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut()).contains("WARN").contains("Function slow.handler has a timeout of 45000 ms, "
				+ "longer than the shutdown grace period of 20000 ms (spring.lifecycle.timeout-per-shutdown-phase): "
				+ "a call still running when the grace period ends is answered 503 ServiceUnavailable. "
				+ "Raise spring.lifecycle.timeout-per-shutdown-phase to at least 45000 ms "
				+ "or lower function-runtime.functions[slow.handler].timeout");
	}

	@Test
	void timeoutLongerThanTheDefaultGracePeriodIsWarnedAbout(CapturedOutput output) {
		this.runner.withPropertyValues("function-runtime.functions[slow.handler].timeout=31s")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut()).contains("Function slow.handler has a timeout of 31000 ms, "
				+ "longer than the shutdown grace period of 30000 ms");
	}

	@Test
	void timeoutWithinTheGracePeriodIsNotWarnedAbout(CapturedOutput output) {
		this.runner
			.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=20s",
					"function-runtime.functions[slow.handler].timeout=20s")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut()).doesNotContain("shutdown grace period");
	}

	static class Slow {

		@FunctionHandler("slow.handler")
		Map<String, Object> handle(Map<String, Object> event) {
			return Map.of("body", "done");
		}

	}

}
