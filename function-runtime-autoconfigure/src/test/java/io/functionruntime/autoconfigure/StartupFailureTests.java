package io.functionruntime.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import io.functionruntime.Handler;
import io.functionruntime.HttpEvent;
import io.functionruntime.HttpResponse;
import io.functionruntime.internal.registry.EventKind;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.registry.AnnotatedFunctionHandlerDiscoverer;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;
import io.functionruntime.registry.FunctionHandlerDiscoverer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers and configuration that cannot be served stop startup with a message naming the
 * entry point, the bean or the property, and the fix (SPEC §1, §8, §10); every supported
 * handler shape starts (SPEC §1).
 */
class StartupFailureTests {

	private static final String ENTRY_POINT_FIX = "Use an entry point of the form <file>.<handler>, such as "
			+ "'main.handler': a file name of letters, digits, '_' or '-', one dot, and a Java identifier.";

	private static final String SHAPE_FIX = "Change the handler to (event) or (event, Context) with a supported "
			+ "event and result type (see the README, 'Handler shapes').";

	private static final String TAKE_INSTEAD = "; take Map<String, Object>, JsonNode, String, byte[], HttpEvent, "
			+ "a POJO/record, a number, a boolean, an array or a collection";

	private static final String RETURN_INSTEAD = "; return Map, HttpResponse, a POJO/record, JsonNode, String, "
			+ "byte[], a number, a boolean, an array, a collection, Object or void, or a "
			+ "CompletionStage/CompletableFuture of one of them";

	private static final String HTTP_ENTITY_FIX = ", a Spring MVC response the runtime cannot write (every call "
			+ "would fail); return an io.functionruntime.HttpResponse, such as HttpResponse.of(200, body), or a Map "
			+ "with statusCode, headers and body";

	private static final String TESTS = StartupFailureTests.class.getName();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class));

	@Test
	void entryPointWithoutAFileNameStopsStartup() {
		this.runner.withBean("leadingDot", LeadingDotHandler.class).run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("Entry point '.handler' of bean 'leadingDot' (" + TESTS
					+ "$LeadingDotHandler.handle) is invalid: the file name before the dot must be one or more "
					+ "letters, digits, '_' or '-'.");
			assertThat(failure.getAction()).isEqualTo(ENTRY_POINT_FIX);
		});
	}

	@Test
	void entryPointWithoutADotStopsStartup() {
		this.runner.withBean("noDot", NoDotHandler.class).run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("Entry point 'main' of bean 'noDot' (" + TESTS
					+ "$NoDotHandler.handle) is invalid: it must have exactly one dot, as in 'main.handler'.");
			assertThat(failure.getAction()).isEqualTo(ENTRY_POINT_FIX);
		});
	}

	@Test
	void entryPointWithTwoDotsStopsStartup() {
		this.runner.withBean("twoDots", TwoDotsHandler.class).run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("Entry point 'a.b.c' of bean 'twoDots' (" + TESTS
					+ "$TwoDotsHandler.handle) is invalid: it must have exactly one dot, as in 'main.handler'.");
			assertThat(failure.getAction()).isEqualTo(ENTRY_POINT_FIX);
		});
	}

	@Test
	void entryPointDeclaredByTwoBeansStopsStartupNamingBoth() {
		this.runner.withBean("first", MainHandler.class).withBean("second", SecondMainHandler.class).run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("Entry point 'main.handler' is declared more than once, by bean 'first' ("
					+ TESTS + "$MainHandler.handle) and bean 'second' (" + TESTS + "$SecondMainHandler.handle)");
			assertThat(failure.getAction())
				.isEqualTo("Give each @FunctionHandler its own entry point, or remove one of the beans.");
		});
	}

	@Test
	void handlerWithoutParametersStopsStartup() {
		assertUnsupportedShape("zeroParams", ZeroParamsHandler.class,
				"takes 0 parameters; a handler takes (event) or (event, Context)");
	}

	@Test
	void handlerWithThreeParametersStopsStartup() {
		assertUnsupportedShape("threeParams", ThreeParamsHandler.class,
				"takes 3 parameters; a handler takes (event) or (event, Context)");
	}

	@Test
	void handlerWhoseSecondParameterIsNotTheContextStopsStartup() {
		assertUnsupportedShape("secondNotContext", SecondParamNotContextHandler.class,
				"has a second parameter of type java.lang.String; it must be io.functionruntime.Context");
	}

	@Test
	void handlerTakingAnIntEventStarts() {
		assertStarts(IntEventHandler.class, EventKind.OBJECT);
	}

	@Test
	void handlerTakingACompletionStageEventStopsStartup() {
		assertUnsupportedShape("stageEvent", CompletionStageEventHandler.class,
				"takes an event of type java.util.concurrent.CompletionStage, which cannot hold the event object"
						+ TAKE_INSTEAD);
	}

	@Test
	void handlerReturningAnIntStarts() {
		assertStarts(IntResultHandler.class, EventKind.MAP);
	}

	@Test
	void handlerReturningAResponseEntityStopsStartupNamingTheFix() {
		assertUnsupportedShape("responseEntityResult", ResponseEntityResultHandler.class,
				"returns org.springframework.http.ResponseEntity<java.lang.String>" + HTTP_ENTITY_FIX);
	}

	@Test
	void handlerReturningAFutureOfAnHttpEntityStopsStartupNamingTheFix() {
		assertUnsupportedShape("httpEntityFuture", HttpEntityFutureHandler.class,
				"returns org.springframework.http.HttpEntity<java.lang.String>" + HTTP_ENTITY_FIX);
	}

	@Test
	void handlerReturningAnOptionalStopsStartup() {
		assertUnsupportedShape("optionalResult", OptionalResultHandler.class,
				"returns java.util.Optional<java.lang.String>, which cannot become a response" + RETURN_INSTEAD);
	}

	@Test
	void handlerReturningAPlainFutureStopsStartup() {
		assertUnsupportedShape("futureResult", FutureResultHandler.class,
				"returns java.util.concurrent.Future<java.lang.String>, which cannot become a response"
						+ RETURN_INSTEAD);
	}

	@Test
	void staticHandlerMethodStopsStartup() {
		assertUnsupportedShape("staticHandler", StaticMethodHandler.class,
				"is static; a handler must be an instance method");
	}

	@Test
	void typeLevelAnnotationOnAClassThatIsNotAHandlerStopsStartup() {
		this.runner.withBean("notAHandler", NotAHandler.class).run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure.getMessage()).startsWith("Handler 'main.handler' of bean 'notAHandler' (" + TESTS
					+ "$NotAHandler) has an unsupported shape: ")
				.contains("does not implement io.functionruntime.Handler");
			assertThat(failure.getAction()).isEqualTo(SHAPE_FIX);
		});
	}

	@Test
	void singletonHandlerWithSeveralInstancesStopsStartup() {
		this.runner.withBean("mainHandler", MainHandler.class)
			.withPropertyValues("function-runtime.functions[main.handler].instances-limit=2")
			.run((context) -> {
				FunctionDefinitionException failure = startupFailure(context);
				assertThat(failure).hasMessage("Function 'main.handler' allows 2 instances, but its bean 'mainHandler' ("
						+ TESTS + "$MainHandler.handle) is a singleton, so every instance would share one object "
						+ "and its fields.");
				assertThat(failure.getAction()).contains("@Scope(\"prototype\")")
					.contains("function-runtime.functions[main.handler].instances-limit");
			});
	}

	@Test
	void prototypeHandlerWithSeveralInstancesStarts() {
		this.runner.withBean("mainHandler", PrototypeMainHandler.class)
			.withPropertyValues("function-runtime.functions[main.handler].instances-limit=2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				FunctionDefinition function = context.getBean(FunctionRegistry.class).find("main.handler");
				assertThat(function.singleton()).isFalse();
				assertThat(function.settings().instancesLimit()).isEqualTo(2);
			});
	}

	@Test
	void defaultFunctionNamingNoFunctionStopsStartup() {
		this.runner.withBean("mainHandler", MainHandler.class)
			.withPropertyValues("function-runtime.default-function=nope.handler")
			.run((context) -> {
				FunctionDefinitionException failure = startupFailure(context);
				assertThat(failure).hasMessage("function-runtime.default-function is 'nope.handler', which is no "
						+ "function's entry point or id; the handlers are [main.handler].");
				assertThat(failure.getAction())
					.isEqualTo("Set function-runtime.default-function to one of [main.handler].");
			});
	}

	@Test
	void timeoutOverTenMinutesStopsStartup() {
		this.runner.withBean("mainHandler", MainHandler.class)
			.withPropertyValues("function-runtime.functions[main.handler].timeout=11m")
			.run((context) -> {
				FunctionDefinitionException failure = startupFailure(context);
				assertThat(failure).hasMessage("Function 'main.handler' cannot be configured: "
						+ "function-runtime.functions[main.handler].timeout must be more than 0 and at most "
						+ "10 minutes, but is 11m.");
				assertThat(failure.getAction()).isEqualTo(
						"Correct function-runtime.functions[main.handler].timeout in the application's configuration.");
			});
	}

	@Test
	void defaultTimeoutOverTenMinutesStopsStartupNamingTheDefaultsProperty() {
		this.runner.withBean("mainHandler", MainHandler.class)
			.withPropertyValues("function-runtime.defaults.timeout=11m")
			.run((context) -> assertThat(startupFailure(context)).hasMessage("Function 'main.handler' cannot be "
					+ "configured: function-runtime.defaults.timeout must be more than 0 and at most 10 minutes, "
					+ "but is 11m."));
	}

	@Test
	void concurrencyOverSixteenStopsStartup() {
		this.runner.withBean("mainHandler", MainHandler.class)
			.withPropertyValues("function-runtime.functions[main.handler].concurrency=17")
			.run((context) -> {
				FunctionDefinitionException failure = startupFailure(context);
				assertThat(failure).hasMessage("Function 'main.handler' cannot be configured: "
						+ "function-runtime.functions[main.handler].concurrency must be from 1 to 16, but is 17.");
				assertThat(failure.getAction()).isEqualTo("Correct function-runtime.functions[main.handler]"
						+ ".concurrency in the application's configuration.");
			});
	}

	@Test
	void failureAnalyzerReportsTheMessageAndTheFix() {
		FunctionDefinitionException cause = new FunctionDefinitionException("what is wrong", "how to fix it");

		FailureAnalysis analysis = new FunctionDefinitionFailureAnalyzer()
			.analyze(new BeanCreationException("functionRegistry", "Failed", cause));

		assertThat(analysis.getDescription()).isEqualTo("what is wrong");
		assertThat(analysis.getAction()).isEqualTo("how to fix it");
		assertThat(analysis.getCause()).isSameAs(cause);
	}

	@Test
	void failureAnalyzerIsRegisteredForStartupReports() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, (factoryType, implementationName, failure) -> {
			});

		assertThat(analyzers).hasAtLeastOneElementOfType(FunctionDefinitionFailureAnalyzer.class);
	}

	@Test
	void mapEventHandlerStarts() {
		assertStarts(MapEventHandler.class, EventKind.MAP);
	}

	@Test
	void jsonNodeEventHandlerStarts() {
		assertStarts(JsonNodeEventHandler.class, EventKind.TREE);
	}

	@Test
	void stringEventHandlerStarts() {
		assertStarts(StringEventHandler.class, EventKind.STRING);
	}

	@Test
	void byteArrayEventHandlerStarts() {
		assertStarts(BytesEventHandler.class, EventKind.BYTES);
	}

	@Test
	void httpEventHandlerStarts() {
		assertStarts(HttpEventHandler.class, EventKind.HTTP_EVENT);
	}

	@Test
	void recordEventHandlerStarts() {
		assertStarts(RecordEventHandler.class, EventKind.OBJECT);
	}

	@Test
	void handlerWithoutContextParameterStarts() {
		assertStarts(EventOnlyHandler.class, EventKind.MAP);
	}

	@Test
	void handlerReturningHttpResponseStarts() {
		assertStarts(HttpResponseResultHandler.class, EventKind.MAP);
	}

	@Test
	void asyncHandlerReturningCompletableFutureStartsAsAsync() {
		this.runner.withBean("mainHandler", CompletableFutureHandler.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(mainFunction(context).adapter().isAsync()).isTrue();
		});
	}

	@Test
	void voidHandlerStarts() {
		this.runner.withBean("mainHandler", VoidHandler.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(mainFunction(context).adapter().isAsync()).isFalse();
		});
	}

	@Test
	void typeLevelHandlerBeanStarts() {
		assertStarts(TypeLevelMapHandler.class, EventKind.MAP);
	}

	@Test
	void beanMethodReturningAHandlerLambdaStarts() {
		this.runner.withUserConfiguration(LambdaHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(mainFunction(context).beanName()).isEqualTo("mainHandler");
		});
	}

	@Test
	void beanMethodReturningAStringHandlerLambdaTakesTheEventAsText() {
		this.runner.withUserConfiguration(StringLambdaHandlerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(mainFunction(context).adapter().eventKind()).isEqualTo(EventKind.STRING);
			});
	}

	private void assertUnsupportedShape(String beanName, Class<?> beanClass, String reason) {
		this.runner.withBean(beanName, beanClass).run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			String method = beanClass.getName() + ".handle";
			assertThat(failure).hasMessage("Handler 'main.handler' of bean '" + beanName + "' (" + method
					+ ") has an unsupported shape: " + method + " " + reason + ".");
			assertThat(failure.getAction()).isEqualTo(SHAPE_FIX);
		});
	}

	private void assertStarts(Class<?> beanClass, EventKind eventKind) {
		this.runner.withBean("mainHandler", beanClass).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(mainFunction(context).adapter().eventKind()).isEqualTo(eventKind);
		});
	}

	private static FunctionDefinition mainFunction(AssertableWebApplicationContext context) {
		return context.getBean(FunctionRegistry.class).find("main.handler");
	}

	static FunctionDefinitionException startupFailure(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable root = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
		assertThat(root).isInstanceOf(FunctionDefinitionException.class);
		return (FunctionDefinitionException) root;
	}

	record Order(String id, int amount) {
	}

	static class LeadingDotHandler {

		@FunctionHandler(".handler")
		String handle(String event) {
			return event;
		}

	}

	static class NoDotHandler {

		@FunctionHandler("main")
		String handle(String event) {
			return event;
		}

	}

	static class TwoDotsHandler {

		@FunctionHandler("a.b.c")
		String handle(String event) {
			return event;
		}

	}

	static class MainHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(Map<String, Object> event, Context context) {
			return event;
		}

	}

	static class SecondMainHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(Map<String, Object> event, Context context) {
			return event;
		}

	}

	@Scope("prototype")
	static class PrototypeMainHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(Map<String, Object> event, Context context) {
			return event;
		}

	}

	static class ZeroParamsHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle() {
			return Map.of();
		}

	}

	static class ThreeParamsHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(Map<String, Object> event, Context context, String extra) {
			return event;
		}

	}

	static class SecondParamNotContextHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(Map<String, Object> event, String context) {
			return event;
		}

	}

	static class IntEventHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(int event, Context context) {
			return Map.of();
		}

	}

	static class CompletionStageEventHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(CompletionStage<Map<String, Object>> event, Context context) {
			return Map.of();
		}

	}

	static class IntResultHandler {

		@FunctionHandler("main.handler")
		int handle(Map<String, Object> event, Context context) {
			return 200;
		}

	}

	static class ResponseEntityResultHandler {

		@FunctionHandler("main.handler")
		ResponseEntity<String> handle(Map<String, Object> event, Context context) {
			return ResponseEntity.ok("hello");
		}

	}

	static class HttpEntityFutureHandler {

		@FunctionHandler("main.handler")
		CompletableFuture<HttpEntity<String>> handle(Map<String, Object> event, Context context) {
			return CompletableFuture.completedFuture(new HttpEntity<>("hello"));
		}

	}

	static class OptionalResultHandler {

		@FunctionHandler("main.handler")
		Optional<String> handle(Map<String, Object> event, Context context) {
			return Optional.empty();
		}

	}

	static class FutureResultHandler {

		@FunctionHandler("main.handler")
		Future<String> handle(Map<String, Object> event, Context context) {
			return null;
		}

	}

	static class StaticMethodHandler {

		@FunctionHandler("main.handler")
		static Map<String, Object> handle(Map<String, Object> event, Context context) {
			return event;
		}

	}

	@FunctionHandler("main.handler")
	static class NotAHandler {

		Map<String, Object> handle(Map<String, Object> event, Context context) {
			return event;
		}

	}

	static class MapEventHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(Map<String, Object> event, Context context) {
			return event;
		}

	}

	static class JsonNodeEventHandler {

		@FunctionHandler("main.handler")
		JsonNode handle(JsonNode event, Context context) {
			return event;
		}

	}

	static class StringEventHandler {

		@FunctionHandler("main.handler")
		String handle(String event, Context context) {
			return event;
		}

	}

	static class BytesEventHandler {

		@FunctionHandler("main.handler")
		String handle(byte[] event, Context context) {
			return "";
		}

	}

	static class HttpEventHandler {

		@FunctionHandler("main.handler")
		HttpResponse handle(HttpEvent event, Context context) {
			return HttpResponse.of(200, event.body());
		}

	}

	static class RecordEventHandler {

		@FunctionHandler("main.handler")
		Order handle(Order event, Context context) {
			return event;
		}

	}

	static class EventOnlyHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(Map<String, Object> event) {
			return event;
		}

	}

	static class HttpResponseResultHandler {

		@FunctionHandler("main.handler")
		HttpResponse handle(Map<String, Object> event, Context context) {
			return HttpResponse.of(201, "created");
		}

	}

	static class CompletableFutureHandler {

		@FunctionHandler("main.handler")
		CompletableFuture<Map<String, Object>> handle(Map<String, Object> event, Context context) {
			return CompletableFuture.completedFuture(event);
		}

	}

	static class VoidHandler {

		@FunctionHandler("main.handler")
		void handle(Map<String, Object> event, Context context) {
		}

	}

	@FunctionHandler("main.handler")
	static class TypeLevelMapHandler implements Handler<Map<String, Object>, Map<String, Object>> {

		@Override
		public Map<String, Object> handle(Map<String, Object> event, Context context) {
			return event;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LambdaHandlerConfiguration {

		@Bean
		@FunctionHandler("main.handler")
		Handler<Map<String, Object>, Map<String, Object>> mainHandler() {
			return (event, context) -> event;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StringLambdaHandlerConfiguration {

		@Bean
		@FunctionHandler("main.handler")
		Handler<String, String> mainHandler() {
			return (event, context) -> event;
		}

	}

}
