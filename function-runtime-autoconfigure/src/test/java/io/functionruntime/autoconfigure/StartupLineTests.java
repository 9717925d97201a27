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
 * Startup shows one line per function: where it is served and how it runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLineTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class))
		.withBean("greeter", Greeter.class);

	@Test
	void eachFunctionIsDescribedInOneLineAtStartup(CapturedOutput output) {
		this.runner
			.withPropertyValues("function-runtime.functions[greet.hello].id=d4egreeter0000000001",
					"function-runtime.functions[greet.hello].version-id=d4eversion0000000001",
					"function-runtime.functions[greet.hello].timeout=5s")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut()).contains("Function greet.hello at /greet.hello, /d4egreeter0000000001 and /: "
				+ "id d4egreeter0000000001, version d4eversion0000000001, timeout 5000 ms, instances 1 (0 provisioned), "
				+ "concurrency 1, handler io.functionruntime.autoconfigure.StartupLineTests$Greeter.hello(Map)");
	}

	static class Greeter {

		@FunctionHandler("greet.hello")
		Map<String, Object> hello(Map<String, Object> event) {
			return Map.of("body", "hello");
		}

	}

}
