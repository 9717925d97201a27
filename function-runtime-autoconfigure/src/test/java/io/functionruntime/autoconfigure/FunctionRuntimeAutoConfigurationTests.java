package io.functionruntime.autoconfigure;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.functionruntime.Context;
import io.functionruntime.FunctionCalls;
import io.functionruntime.FunctionHandler;
import io.functionruntime.IamToken;
import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.invoke.ContextFactory;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.logging.BackgroundLogWriter;
import io.functionruntime.internal.logging.InvocationLog;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.web.ApplicationFormContentFilter;
import io.functionruntime.internal.web.ApplicationHiddenHttpMethodFilter;
import io.functionruntime.internal.web.FunctionController;
import io.functionruntime.internal.web.FunctionServlet;
import io.functionruntime.internal.web.HttpEventMapper;
import io.functionruntime.internal.web.ResponseWriter;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;
import io.functionruntime.registry.FunctionHandlerDiscoverer;
import io.functionruntime.registry.FunctionSettings;
import io.functionruntime.registry.HandlerCandidate;
import io.functionruntime.token.TokenProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.filter.FormContentFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration provides, when it backs off, and how its properties bind
 * (SPEC §10, DESIGN "The shape").
 */
class FunctionRuntimeAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class))
		.withBean("mainHandler", MainHandler.class);

	@Test
	void handlerBeanGetsTheWholeRuntime() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(FunctionRegistry.class)
			.hasSingleBean(FunctionInvoker.class)
			.hasSingleBean(FunctionController.class)
			.hasBean("functionServletRegistration")
			.hasSingleBean(ResponseWriter.class)
			.hasSingleBean(HttpEventMapper.class)
			.hasSingleBean(EventBinder.class)
			.hasSingleBean(TokenProvider.class));
	}

	@Test
	void handlerMethodIsRegisteredUnderItsEntryPoint() {
		this.runner.run((context) -> {
			FunctionDefinition function = context.getBean(FunctionRegistry.class).find("main.handler");
			assertThat(function).isNotNull();
			assertThat(function.beanName()).isEqualTo("mainHandler");
			assertThat(function.singleton()).isTrue();
		});
	}

	@Test
	void onlyFunctionIsTheDefault() {
		this.runner.run((context) -> {
			FunctionRegistry registry = context.getBean(FunctionRegistry.class);
			assertThat(registry.find("")).isSameAs(registry.find("main.handler"));
		});
	}

	@Test
	void servletTakesTheRoutesOfTheFunctionsOnly() {
		this.runner.withPropertyValues("function-runtime.functions[main.handler].id=fn-main").run((context) -> {
			ServletRegistrationBean<?> registration = context.getBean("functionServletRegistration",
					ServletRegistrationBean.class);
			assertThat(registration.getServletName()).isEqualTo(FunctionCalls.SERVLET_NAME);
			assertThat(registration.getUrlMappings()).containsExactly("/main.handler", "/fn-main", "");
			assertThat(registration.isEnabled()).isTrue();
		});
	}

	@Test
	void servletStaysUnregisteredWithoutFunctions() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean("functionServletRegistration", ServletRegistrationBean.class)
				.isEnabled()).isFalse());
	}

	@Test
	void formFiltersLeaveFunctionCallsAlone() {
		this.runner.withPropertyValues("spring.mvc.hiddenmethod.filter.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ApplicationFormContentFilter.class)
				.hasSingleBean(ApplicationHiddenHttpMethodFilter.class));
	}

	@Test
	void applicationsOwnFormContentFilterIsKept() {
		this.runner.withBean("ownFormContentFilter", FormContentFilter.class)
			.run((context) -> assertThat(context).doesNotHaveBean(ApplicationFormContentFilter.class)
				.hasSingleBean(FormContentFilter.class));
	}

	@Test
	void closingTheContextEndsTheThreadsOfItsCalls() throws InterruptedException {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		for (int round = 0; round < 3; round++) {
			this.runner.run((context) -> {
				FunctionRegistry registry = context.getBean(FunctionRegistry.class);
				assertThat(context.getBean(FunctionInvoker.class)
					.invoke(registry.find("main.handler"), new HashMap<String, Object>(), "thread-check"))
					.isInstanceOf(InvocationResult.Success.class);
			});
		}
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().startsWith("function-") && !before.contains(thread)) {
				thread.join(30_000);
				assertThat(thread.isAlive()).as(thread.getName()).isFalse();
			}
		}
	}

	@Test
	void tokenProviderDefaultsToNone() {
		this.runner.run((context) -> assertThat(context.getBean(TokenProvider.class)).isSameAs(TokenProvider.NONE));
	}

	@Test
	void autoConfigurationBacksOffInANonWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class))
			.withBean("mainHandler", MainHandler.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(FunctionRegistry.class)
				.doesNotHaveBean(FunctionInvoker.class)
				.doesNotHaveBean(FunctionController.class)
				.doesNotHaveBean("functionServletRegistration"));
	}

	@Test
	void userTokenProviderReplacesTheDefault() {
		TokenProvider own = () -> IamToken.bearer("own", 60);
		this.runner.withBean("ownTokenProvider", TokenProvider.class, () -> own)
			.run((context) -> assertThat(context).hasSingleBean(TokenProvider.class)
				.getBean(TokenProvider.class)
				.isSameAs(own));
	}

	@Test
	void userTokenProviderIsUsedForTheContext() {
		this.runner.withBean("ownTokenProvider", TokenProvider.class, () -> () -> IamToken.bearer("own", 60))
			.run((context) -> assertThat(contextOf(context.getBean(FunctionRegistry.class),
					context.getBean(ContextFactory.class))
				.getToken()).isEqualTo(new IamToken("own", 60, "Bearer")));
	}

	@Test
	void userHttpEventMapperReplacesTheDefault() {
		HttpEventMapper own = new HttpEventMapper();
		this.runner.withBean("ownEventMapper", HttpEventMapper.class, () -> own)
			.run((context) -> assertThat(context).hasSingleBean(HttpEventMapper.class)
				.getBean(HttpEventMapper.class)
				.isSameAs(own));
	}

	@Test
	void userEventBinderReplacesTheDefault() {
		EventBinder own = new EventBinder(JsonMapper.shared());
		this.runner.withBean("ownEventBinder", EventBinder.class, () -> own)
			.run((context) -> assertThat(context).hasSingleBean(EventBinder.class)
				.getBean(EventBinder.class)
				.isSameAs(own));
	}

	@Test
	void userResponseWriterReplacesTheDefault() {
		ResponseWriter own = new ResponseWriter(JsonMapper.shared(), 10, 8192, false);
		this.runner.withBean("ownResponseWriter", ResponseWriter.class, () -> own)
			.run((context) -> assertThat(context).hasSingleBean(ResponseWriter.class)
				.getBean(ResponseWriter.class)
				.isSameAs(own));
	}

	@Test
	void userInvocationLogReplacesTheDefault() {
		InvocationLog own = new InvocationLog();
		this.runner.withBean("ownInvocationLog", InvocationLog.class, () -> own)
			.run((context) -> assertThat(context).hasSingleBean(InvocationLog.class)
				.getBean(InvocationLog.class)
				.isSameAs(own));
	}

	@Test
	void routerLogIsWrittenByABackgroundThreadByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(BackgroundLogWriter.class)
			.hasSingleBean(InvocationLog.class));
	}

	@Test
	void routerLogIsWrittenOnTheCallsThreadWhenAsyncIsOff() {
		this.runner.withPropertyValues("function-runtime.router-log.async=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BackgroundLogWriter.class)
				.hasSingleBean(InvocationLog.class));
	}

	@Test
	void aRouterLogQueueWithoutRoomFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("function-runtime.router-log.queue-capacity=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("function-runtime.router-log.queue-capacity must be at least 1, but is 0"));
	}

	@Test
	void closingTheContextStopsTheBackgroundLogThread() {
		AtomicReference<BackgroundLogWriter> writer = new AtomicReference<>();
		this.runner.run((context) -> writer.set(context.getBean(BackgroundLogWriter.class)));
		List<String> threads = new ArrayList<>();

		writer.get().execute(() -> threads.add(Thread.currentThread().getName()));

		assertThat(threads).containsExactly(Thread.currentThread().getName());
	}

	@Test
	void userDiscovererDecidesWhichHandlersExist() {
		Method method = ReflectionUtils.findMethod(MainHandler.class, "handle", Map.class, Context.class);
		FunctionHandlerDiscoverer own = () -> List
			.of(new HandlerCandidate("custom.entry", "mainHandler", MainHandler.class,
					ResolvableType.forClass(MainHandler.class), method));
		this.runner.withBean("ownDiscoverer", FunctionHandlerDiscoverer.class, () -> own)
			.run((context) -> assertThat(context.getBean(FunctionRegistry.class).functions())
				.containsOnlyKeys("custom.entry"));
	}

	@Test
	void functionTimeoutBindsFromItsEntryPointKey() {
		this.runner.withPropertyValues("function-runtime.functions[main.handler].timeout=5s")
			.run((context) -> assertThat(settingsOfMain(context).timeout()).isEqualTo(Duration.ofSeconds(5)));
	}

	@Test
	void functionTimeoutDefaultsToThreeSeconds() {
		this.runner.run((context) -> assertThat(settingsOfMain(context).timeout()).isEqualTo(Duration.ofSeconds(3)));
	}

	@Test
	void defaultTimeoutAppliesToEveryFunction() {
		this.runner.withPropertyValues("function-runtime.defaults.timeout=7s")
			.run((context) -> assertThat(settingsOfMain(context).timeout()).isEqualTo(Duration.ofSeconds(7)));
	}

	@Test
	void functionSettingsDefaultToTheCloudsDefaults() {
		this.runner.run((context) -> {
			FunctionSettings settings = settingsOfMain(context);
			assertThat(settings.name()).isEqualTo("main.handler");
			assertThat(settings.memoryLimitMb()).isEqualTo(128);
			assertThat(settings.concurrency()).isEqualTo(1);
			assertThat(settings.instancesLimit()).isEqualTo(1);
			assertThat(settings.provisionedInstances()).isZero();
			assertThat(settings.requestsLimit()).isEqualTo(10);
		});
	}

	@Test
	void generatedFunctionIdHasTwentyCharactersAndTheCloudsPrefix() {
		this.runner.run((context) -> assertThat(settingsOfMain(context).id()).hasSize(20)
			.startsWith("d4e")
			.matches("[a-v0-9]{20}"));
	}

	@Test
	void generatedFunctionIdIsTheSameFromRunToRun() {
		AtomicReference<String> first = new AtomicReference<>();
		this.runner.run((context) -> first.set(settingsOfMain(context).id()));
		this.runner.run((context) -> assertThat(settingsOfMain(context).id()).isEqualTo(first.get()));
		assertThat(first.get()).isNotNull();
	}

	@Test
	void generatedFunctionIdsDifferBetweenEntryPoints() {
		this.runner.withBean("otherHandler", OtherHandler.class).run((context) -> {
			FunctionRegistry registry = context.getBean(FunctionRegistry.class);
			String main = registry.find("main.handler").settings().id();
			String other = registry.find("other.handler").settings().id();
			assertThat(other).hasSize(20).startsWith("d4e").isNotEqualTo(main);
		});
	}

	@Test
	void generatedFunctionIdRoutesToTheFunction() {
		this.runner.run((context) -> {
			FunctionRegistry registry = context.getBean(FunctionRegistry.class);
			assertThat(registry.find(settingsOfMain(context).id())).isSameAs(registry.find("main.handler"));
		});
	}

	@Test
	void configuredFunctionIdRoutesToTheFunction() {
		this.runner.withPropertyValues("function-runtime.functions[main.handler].id=myid").run((context) -> {
			FunctionRegistry registry = context.getBean(FunctionRegistry.class);
			assertThat(registry.find("myid")).isNotNull().isSameAs(registry.find("main.handler"));
			assertThat(registry.find("myid").settings().id()).isEqualTo("myid");
		});
	}

	@Test
	void staticTokenIsInTheContextAsABearerToken() {
		this.runner
			.withPropertyValues("function-runtime.token.source=static", "function-runtime.token.value=t0ken",
					"function-runtime.token.expires-in=1h")
			.run((context) -> {
				IamToken token = contextOf(context.getBean(FunctionRegistry.class),
						context.getBean(ContextFactory.class))
					.getToken();
				assertThat(token.accessToken()).isEqualTo("t0ken");
				assertThat(token.tokenType()).isEqualTo("Bearer");
				assertThat(token.expiresIn()).isBetween(3590L, 3600L);
			});
	}

	@Test
	void noTokenSourceLeavesTheContextWithoutAToken() {
		this.runner.run((context) -> {
			Context invocation = contextOf(context.getBean(FunctionRegistry.class),
					context.getBean(ContextFactory.class));
			assertThat(invocation.getToken()).isNull();
			assertThat(invocation.getTokenJson()).isEmpty();
		});
	}

	@Test
	void staticTokenSourceWithoutAValueFailsNamingTheProperty() {
		this.runner.withPropertyValues("function-runtime.token.source=static").run((context) -> {
			assertThat(context).hasFailed();
			Throwable root = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
			assertThat(root).isInstanceOf(FunctionDefinitionException.class)
				.hasMessage("function-runtime.token.source is 'static' but function-runtime.token.value is empty.");
			assertThat(((FunctionDefinitionException) root).getAction()).contains("Set function-runtime.token.value");
		});
	}

	private static FunctionSettings settingsOfMain(ApplicationContext context) {
		return context.getBean(FunctionRegistry.class).find("main.handler").settings();
	}

	private static Context contextOf(FunctionRegistry registry, ContextFactory factory) {
		return factory.create(registry.find("main.handler"), "r1", System.currentTimeMillis() + 3000);
	}

	static class MainHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(Map<String, Object> event, Context context) {
			return Map.of("statusCode", 200);
		}

	}

	static class OtherHandler {

		@FunctionHandler("other.handler")
		String handle(String event) {
			return event;
		}

	}

}
