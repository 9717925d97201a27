package io.functionruntime.cloud;

import java.util.Map;
import java.util.function.Function;

import io.functionruntime.FunctionHandler;
import io.functionruntime.autoconfigure.FunctionRuntimeAutoConfiguration;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.registry.FunctionDefinitionException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class listed in {@code function-runtime.classes} that the cloud could not load as a
 * function stops startup with a message naming it and the fix; one it can load, and a bean
 * of one of the models, is served under its class name, once.
 */
class CloudModelRegistrationTests {

	private static final String TESTS = CloudModelRegistrationTests.class.getName();

	private static final String CLASS_FIX = "List in function-runtime.classes the fully qualified names of public, "
			+ "non-generic classes with a public no-arg constructor that implement java.util.function.Function<I, O> "
			+ "or yandex.cloud.sdk.functions.YcFunction<I, O>, or extend jakarta.servlet.http.HttpServlet.";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class));

	@Test
	void listedClassIsServedUnderItsClassName() {
		this.runner.withPropertyValues("function-runtime.classes=" + QuickStartHandler.class.getName())
			.run((context) -> assertThat(context.getBean(FunctionRegistry.class).functions())
				.containsOnlyKeys(QuickStartHandler.class.getName()));
	}

	@Test
	void beanOfAModelIsServedUnderItsClassName() {
		this.runner.withBean(GreetingServlet.class)
			.run((context) -> assertThat(context.getBean(FunctionRegistry.class).functions())
				.containsOnlyKeys(GreetingServlet.class.getName()));
	}

	@Test
	void beanThatUsesFunctionHandlerIsServedOnlyByItsAnnotation() {
		this.runner.withBean(AnnotatedFunction.class)
			.run((context) -> assertThat(context.getBean(FunctionRegistry.class).functions())
				.containsOnlyKeys("annotated.handler"));
	}

	@Test
	void springBootFunctionIsServedUnderItsConfiguredName() {
		this.runner.withPropertyValues("function-runtime.spring-boot-function=org.example.Application")
			.run((context) -> assertThat(context.getBean(FunctionRegistry.class).functions())
				.containsOnlyKeys("org.example.Application"));
	}

	@Test
	void unknownClassNameStopsStartup() {
		this.runner.withPropertyValues("function-runtime.classes=org.example.Missing").run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("function-runtime.classes lists 'org.example.Missing', which is no class "
					+ "the application can load (java.lang.ClassNotFoundException: org.example.Missing).");
			assertThat(failure.getAction()).isEqualTo(CLASS_FIX);
		});
	}

	@Test
	void classOfNoModelStopsStartup() {
		failsWith(NoModel.class, TESTS + "$NoModel is neither a java.util.function.Function, a "
				+ "yandex.cloud.sdk.functions.YcFunction nor a jakarta.servlet.http.HttpServlet");
	}

	@Test
	void nonPublicClassStopsStartup() {
		failsWith(Hidden.class, TESTS + "$Hidden is not a public concrete top-level or static nested class, "
				+ "so it cannot be created by name");
	}

	@Test
	void classWithoutNoArgConstructorStopsStartup() {
		failsWith(NoDefaultConstructor.class, TESTS + "$NoDefaultConstructor has no public no-arg constructor, "
				+ "which the runtime calls to create each instance");
	}

	@Test
	void genericClassStopsStartup() {
		failsWith(Generic.class, TESTS + "$Generic is a generic class, so the types of its event and result are unknown");
	}

	@Test
	void rawFunctionStopsStartup() {
		this.runner.withPropertyValues("function-runtime.classes=" + Raw.class.getName()).run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("Function '" + TESTS + "$Raw' of bean '" + TESTS + "$Raw' (" + TESTS
					+ "$Raw) cannot be served: " + TESTS + "$Raw implements the raw type java.util.function.Function, "
					+ "so the types of its event and result are unknown; declare them, as in "
					+ "'Function<Request, Response>'.");
			assertThat(failure.getAction()).startsWith("Make it a public, non-generic class");
		});
	}

	private void failsWith(Class<?> type, String problem) {
		this.runner.withPropertyValues("function-runtime.classes=" + type.getName()).run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("function-runtime.classes cannot serve " + problem + ".");
			assertThat(failure.getAction()).isEqualTo(CLASS_FIX);
		});
	}

	private static FunctionDefinitionException startupFailure(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable root = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
		assertThat(root).isInstanceOf(FunctionDefinitionException.class);
		return (FunctionDefinitionException) root;
	}

	public static class AnnotatedFunction implements Function<Map<String, Object>, Map<String, Object>> {

		@Override
		@FunctionHandler("annotated.handler")
		public Map<String, Object> apply(Map<String, Object> event) {
			return event;
		}

	}

	public static class NoModel {

	}

	static class Hidden implements Function<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> apply(Map<String, Object> event) {
			return event;
		}

	}

	public static class NoDefaultConstructor implements Function<Map<String, Object>, Map<String, Object>> {

		public NoDefaultConstructor(String name) {
		}

		@Override
		public Map<String, Object> apply(Map<String, Object> event) {
			return event;
		}

	}

	public static class Generic<T> implements Function<T, Map<String, Object>> {

		@Override
		public Map<String, Object> apply(T event) {
			return Map.of();
		}

	}

	@SuppressWarnings("rawtypes")
	public static class Raw implements Function {

		@Override
		public Object apply(Object event) {
			return event;
		}

	}

}
