package io.functionruntime.autoconfigure;

import java.util.List;

import io.functionruntime.FunctionHandler;
import io.functionruntime.registry.FunctionDefinitionException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static io.functionruntime.autoconfigure.StartupFailureTests.startupFailure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup reports every handler and configuration problem at once, each with its fix, so
 * that fixing one does not merely reveal the next.
 */
class EveryDefinitionProblemTests {

	private static final String TESTS = EveryDefinitionProblemTests.class.getName();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class));

	@Test
	void twoBrokenHandlersFailStartupOnceNamingBoth() {
		this.runner.withBean("leadingDot", LeadingDotHandler.class)
			.withBean("noParams", NoParamsHandler.class)
			.withBean("fine", FineHandler.class)
			.run((context) -> {
				FunctionDefinitionException failure = startupFailure(context);
				assertThat(failure.getProblems()).hasSize(2);
				assertThat(failure.getMessage()).startsWith("2 problems stop the application's functions:\n\n1. ")
					.contains("1. Entry point '.handler' of bean 'leadingDot' (" + TESTS
							+ "$LeadingDotHandler.handle) is invalid")
					.contains("\n   Fix: Use an entry point of the form <file>.<handler>")
					.contains("2. Handler 'no.params' of bean 'noParams' (" + TESTS
							+ "$NoParamsHandler.handle) has an unsupported shape")
					.contains("\n   Fix: Change the handler to (event) or (event, Context)");
				FailureAnalysis analysis = new FunctionDefinitionFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
				assertThat(analysis.getAction()).isEqualTo("Make each fix listed above.");
			});
	}

	@Test
	void brokenHandlerAndSettingsForAMissingFunctionAreBothReported() {
		this.runner.withBean("noParams", NoParamsHandler.class)
			.withPropertyValues("function-runtime.functions[missing.handler].timeout=5s")
			.run((context) -> assertThat(startupFailure(context).getProblems())
				.extracting(FunctionDefinitionException::getMessage)
				.satisfiesExactly((shape) -> assertThat(shape).startsWith("Handler 'no.params'"),
						(missing) -> assertThat(missing).contains(
								"'function-runtime.functions[missing.handler].timeout' (test) names no function")));
	}

	@Test
	void defaultFunctionThatIsBrokenItselfIsNoFurtherProblem() {
		this.runner.withBean("noParams", NoParamsHandler.class)
			.withBean("fine", FineHandler.class)
			.withPropertyValues("function-runtime.default-function=no.params")
			.run((context) -> assertThat(startupFailure(context).getProblems()).singleElement()
				.extracting(FunctionDefinitionException::getMessage)
				.asString()
				.startsWith("Handler 'no.params'"));
	}

	@Test
	void twoUnloadableClassesAreBothReported() {
		this.runner.withPropertyValues("function-runtime.classes=org.example.Missing, org.example.Absent")
			.run((context) -> assertThat(startupFailure(context).getProblems())
				.extracting(FunctionDefinitionException::getMessage)
				.satisfiesExactly((first) -> assertThat(first).contains("'org.example.Missing'"),
						(second) -> assertThat(second).contains("'org.example.Absent'")));
	}

	@Test
	void oneProblemIsReportedAsItIs() {
		FunctionDefinitionException problem = new FunctionDefinitionException("Broken.", "Mend it.");
		assertThat(FunctionDefinitionException.combine(List.of(problem))).isSameAs(problem);
	}

	static class LeadingDotHandler {

		@FunctionHandler(".handler")
		String handle(String event) {
			return event;
		}

	}

	static class NoParamsHandler {

		@FunctionHandler("no.params")
		String handle() {
			return "";
		}

	}

	static class FineHandler {

		@FunctionHandler("fine.handler")
		String handle(String event) {
			return event;
		}

	}

}
