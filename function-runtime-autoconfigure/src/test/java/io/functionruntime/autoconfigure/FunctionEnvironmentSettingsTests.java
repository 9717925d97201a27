package io.functionruntime.autoconfigure;

import java.util.Map;

import io.functionruntime.autoconfigure.StartupFailureTests.MainHandler;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.registry.FunctionDefinitionException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static io.functionruntime.autoconfigure.StartupFailureTests.startupFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function's environment is its variables over the defaults', within the cloud's
 * limits: none of the variables its runtime sets, at most 4 KB.
 */
class FunctionEnvironmentSettingsTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class))
		.withBean("mainHandler", MainHandler.class);

	@Test
	void functionsVariablesOverlayTheDefaultsOnesAndHandlerIsTheEntryPoint() {
		this.runner
			.withPropertyValues("function-runtime.defaults.environment.SHARED=defaults",
					"function-runtime.defaults.environment.GREETING=defaults",
					"function-runtime.functions[main.handler].environment.GREETING=own")
			.run((context) -> assertThat(
					context.getBean(FunctionRegistry.class).find("main.handler").settings().environment())
				.containsExactly(Map.entry("SHARED", "defaults"), Map.entry("GREETING", "own"),
						Map.entry("_HANDLER", "main.handler")));
	}

	@Test
	void variableTheCloudSetsItselfStopsStartup() {
		this.runner.withPropertyValues("function-runtime.functions[main.handler].environment.PATH=/opt/bin")
			.run((context) -> {
				FunctionDefinitionException failure = startupFailure(context);
				assertThat(failure).hasMessage("Function 'main.handler' cannot be configured: "
						+ "function-runtime.functions[main.handler].environment.PATH is a variable that the cloud's "
						+ "runtime sets itself, as it does [AWS_LAMBDA_RUNTIME_API, LAMBDA_RUNTIME_DIR, "
						+ "LAMBDA_TASK_ROOT, LD_LIBRARY_PATH, PATH, _HANDLER].");
				assertThat(failure.getAction()).isEqualTo("Correct function-runtime.functions[main.handler]"
						+ ".environment.PATH in the application's configuration.");
			});
	}

	@Test
	void reservedVariableInTheDefaultsIsNamedThere() {
		this.runner.withPropertyValues("function-runtime.defaults.environment._HANDLER=other")
			.run((context) -> assertThat(startupFailure(context).getMessage())
				.contains("function-runtime.defaults.environment._HANDLER is a variable"));
	}

	@Test
	void environmentOverFourKilobytesStopsStartup() {
		this.runner
			.withPropertyValues("function-runtime.defaults.environment.A=" + "a".repeat(2048),
					"function-runtime.functions[main.handler].environment.B=" + "b".repeat(2047))
			.run((context) -> assertThat(startupFailure(context)).hasMessage("Function 'main.handler' cannot be "
					+ "configured: function-runtime.functions[main.handler].environment with the defaults' variables "
					+ "takes 4097 bytes, names included, more than the cloud's 4 KB."));
	}

	@Test
	void environmentOfFourKilobytesStarts() {
		this.runner
			.withPropertyValues("function-runtime.defaults.environment.A=" + "a".repeat(2048),
					"function-runtime.functions[main.handler].environment.B=" + "b".repeat(2046))
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
