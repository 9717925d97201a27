package io.functionruntime.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import io.functionruntime.autoconfigure.StartupFailureTests.MainHandler;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.registry.FunctionDefinitionException;
import io.functionruntime.registry.FunctionSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static io.functionruntime.autoconfigure.StartupFailureTests.startupFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings per function that would bind to nothing stop startup, all of them named at
 * once with the fix; settings written as environment variables bind to the function
 * whose entry point they start with.
 */
class FunctionSettingsKeysTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class))
		.withBean("mainHandler", MainHandler.class);

	@Test
	void keyWithoutBracketsStopsStartupNamingTheBracketForm() {
		this.runner.withPropertyValues("function-runtime.functions.main.handler.timeout=5s").run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure.getMessage()).startsWith("1 setting(s) per function bind to nothing")
				.contains("'function-runtime.functions.main.handler.timeout' (test) has no brackets around its "
						+ "entry point; did you mean function-runtime.functions[main.handler].timeout?");
			assertThat(failure.getAction()).contains("function-runtime.functions[<entry point>].<setting>")
				.contains("The functions are [main.handler]");
		});
	}

	@Test
	void keyForAFunctionThatDoesNotExistStopsStartup() {
		this.runner.withPropertyValues("function-runtime.functions[nope.handler].timeout=1s")
			.run((context) -> assertThat(startupFailure(context).getMessage())
				.contains("'function-runtime.functions[nope.handler].timeout' (test) names no function "
						+ "'nope.handler'"));
	}

	@Test
	void keyForASettingThatDoesNotExistStopsStartup() {
		this.runner.withPropertyValues("function-runtime.functions[main.handler].timout=1s")
			.run((context) -> assertThat(startupFailure(context).getMessage())
				.contains("'function-runtime.functions[main.handler].timout' (test) names no setting of function "
						+ "'main.handler'"));
	}

	@Test
	void everyKeyThatBindsToNothingIsNamedAtOnce() {
		this.runner
			.withPropertyValues("function-runtime.functions.main.handler.timeout=5s",
					"function-runtime.functions[nope.handler].timeout=1s",
					"function-runtime.functions[main.handler].timout=1s")
			.run((context) -> assertThat(startupFailure(context).getMessage())
				.startsWith("3 setting(s) per function bind to nothing")
				.contains("function-runtime.functions.main.handler.timeout", "nope.handler", "timout"));
	}

	@Test
	void validKeysStart() {
		this.runner
			.withPropertyValues("function-runtime.functions[main.handler].timeout=5s",
					"function-runtime.functions.[main.handler].memory-limit=256MB",
					"function-runtime.functions[main.handler].requestsLimit=7",
					"function-runtime.functions[main.handler].environment.DB_URL=jdbc:test")
			.run((context) -> {
				FunctionSettings settings = mainSettings(context);
				assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(settings.memoryLimitMb()).isEqualTo(256);
				assertThat(settings.requestsLimit()).isEqualTo(7);
				assertThat(settings.environment()).containsEntry("DB_URL", "jdbc:test");
			});
	}

	@Test
	void environmentVariablesSetTheSettingsOfTheFunctionTheyName() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(variables(Map.of("FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLER_TIMEOUT", "5s",
						"FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLER_INSTANCES_LIMIT", "1",
						"FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLER_MEMORY_LIMIT", "256MB",
						"FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLER_ENVIRONMENT_DB_URL", "jdbc:test"))))
			.run((context) -> {
				FunctionSettings settings = mainSettings(context);
				assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(settings.memoryLimitMb()).isEqualTo(256);
				assertThat(settings.environment()).containsEntry("DB_URL", "jdbc:test");
			});
	}

	@Test
	void environmentVariableYieldsToAPropertyOfHigherPrecedence() {
		this.runner.withPropertyValues("function-runtime.functions[main.handler].timeout=2s")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(variables(Map.of("FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLER_TIMEOUT", "5s",
						"FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLER_CONCURRENCY", "4"))))
			.run((context) -> {
				FunctionSettings settings = mainSettings(context);
				assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.concurrency()).isEqualTo(4);
			});
	}

	@Test
	void environmentVariableForNoFunctionStopsStartupNamingIt() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(variables(Map.of("FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLR_TIMEOUT", "5s",
						"FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLER_TIMOUT", "5s"))))
			.run((context) -> assertThat(startupFailure(context).getMessage())
				.startsWith("2 setting(s) per function bind to nothing")
				.contains("'FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLR_TIMEOUT' (test variables) names no function")
				.contains("'FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLER_TIMOUT' (test variables) names no setting of the "
						+ "function"));
	}

	@Test
	void environmentVariableThatFitsTwoFunctionsStopsStartupNamingBoth() {
		this.runner.withBean("dashedHandler", DashedHandler.class)
			.withBean("underscoredHandler", UnderscoredHandler.class)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(variables(Map.of("FUNCTION_RUNTIME_FUNCTIONS_MY_FILE_HANDLER_TIMEOUT", "5s"))))
			.run((context) -> assertThat(startupFailure(context).getMessage())
				.contains("'FUNCTION_RUNTIME_FUNCTIONS_MY_FILE_HANDLER_TIMEOUT' (test variables) fits more than one "
						+ "function: [my-file.handler, my_file.handler]"));
	}

	private static SystemEnvironmentPropertySource variables(Map<String, Object> variables) {
		return new SystemEnvironmentPropertySource("test variables", variables);
	}

	private static FunctionSettings mainSettings(AssertableWebApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(FunctionRegistry.class).find("main.handler").settings();
	}

	static class DashedHandler {

		@FunctionHandler("my-file.handler")
		Map<String, Object> handle(Map<String, Object> event, Context context) {
			return event;
		}

	}

	static class UnderscoredHandler {

		@FunctionHandler("my_file.handler")
		Map<String, Object> handle(Map<String, Object> event, Context context) {
			return event;
		}

	}

}
