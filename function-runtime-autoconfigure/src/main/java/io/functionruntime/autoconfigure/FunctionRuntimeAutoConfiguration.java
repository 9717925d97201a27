package io.functionruntime.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.functionruntime.FunctionCalls;
import io.functionruntime.internal.async.AsyncInvocations;
import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.invoke.ContextFactory;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.invoke.ShutdownDeadline;
import io.functionruntime.internal.invoke.WorkerThreads;
import io.functionruntime.internal.logging.BackgroundLogWriter;
import io.functionruntime.internal.logging.InvocationLog;
import io.functionruntime.internal.registry.CloudModelDiscoverer;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.security.PrivateFunctions;
import io.functionruntime.internal.token.MetadataTokenProvider;
import io.functionruntime.internal.token.StaticTokenProvider;
import io.functionruntime.internal.web.ApplicationFormContentFilter;
import io.functionruntime.internal.web.ApplicationHiddenHttpMethodFilter;
import io.functionruntime.internal.web.AsteriskOptionsValve;
import io.functionruntime.internal.web.FunctionAccessCheck;
import io.functionruntime.internal.web.FatalErrorGuard;
import io.functionruntime.internal.web.FunctionController;
import io.functionruntime.internal.web.FunctionErrorValve;
import io.functionruntime.internal.web.FunctionServlet;
import io.functionruntime.internal.web.Http09RefusingValve;
import io.functionruntime.internal.web.HttpEventMapper;
import io.functionruntime.internal.web.JsonErrorReportValve;
import io.functionruntime.internal.web.ResponseWriter;
import io.functionruntime.invoke.InvocationObserver;
import io.functionruntime.registry.AnnotatedFunctionHandlerDiscoverer;
import io.functionruntime.registry.FunctionDefinitionException;
import io.functionruntime.registry.FunctionHandlerDiscoverer;
import io.functionruntime.registry.HandlerCandidate;
import io.functionruntime.token.TokenProvider;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.filter.HiddenHttpMethodFilter;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Serves every {@code @FunctionHandler} bean the way the cloud's runtime serves a
 * function. Each part is a bean that an application can replace by declaring its own.
 * Calls enter through a servlet of their own on the functions' routes; every other path
 * stays the application's.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(FunctionRuntimeProperties.class)
@Import(AsyncInvocationConfiguration.class)
public final class FunctionRuntimeAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(FunctionRuntimeAutoConfiguration.class);

	/** Spring Boot's default of {@code spring.lifecycle.timeout-per-shutdown-phase}. */
	private static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

	@Bean
	@ConditionalOnMissingBean
	FunctionHandlerDiscoverer functionHandlerDiscoverer(ConfigurableListableBeanFactory beanFactory) {
		return new AnnotatedFunctionHandlerDiscoverer(beanFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionRegistry functionRegistry(FunctionHandlerDiscoverer discoverer, FunctionRuntimeProperties properties,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<JsonMapper> jsonMapper,
			ConfigurableEnvironment environment) {
		List<HandlerCandidate> candidates = new ArrayList<>(discoverer.findHandlers());
		candidates.addAll(new CloudModelDiscoverer(beanFactory, properties.getSpringBootFunction()).findHandlers());
		if (properties.isLiftTimeouts()) {
			logger.warn("Function timeouts are lifted (function-runtime.lift-timeouts=true): a call runs until it "
					+ "ends, never answered 504. For debugging only.");
		}
		JsonMapper mapper = jsonMapper.getIfAvailable(JsonMapper::shared);
		Map<String, FunctionRuntimeProperties.Function> functions;
		try {
			functions = new FunctionSettingsKeys(environment,
					candidates.stream().map(HandlerCandidate::entryPoint).toList())
				.bind(properties.getFunctions());
		}
		catch (FunctionDefinitionException keys) {
			throw withHandlerProblems(keys, candidates, properties, beanFactory, mapper);
		}
		return new FunctionRegistry(candidates, new PropertiesFunctionSettingsSource(properties, functions),
				beanFactory, mapper);
	}

	/**
	 * Adds the handlers' own problems to those of settings that bind to nothing, so that
	 * startup reports every problem at once: the handlers are checked with the defaults'
	 * settings alone.
	 */
	private static FunctionDefinitionException withHandlerProblems(FunctionDefinitionException keys,
			List<HandlerCandidate> candidates, FunctionRuntimeProperties properties,
			ConfigurableListableBeanFactory beanFactory, JsonMapper mapper) {
		try {
			new FunctionRegistry(candidates, new PropertiesFunctionSettingsSource(properties, Map.of()), beanFactory,
					mapper);
			return keys;
		}
		catch (FunctionDefinitionException handlers) {
			return FunctionDefinitionException.combine(List.of(handlers, keys));
		}
	}

	/**
	 * Registers the classes of {@code function-runtime.classes} and the Spring Boot-model
	 * function as beans; static, so that it is created before this configuration.
	 */
	@Bean
	static CloudModelRegistrar functionRuntimeCloudModelRegistrar() {
		return new CloudModelRegistrar();
	}

	@Bean
	@ConditionalOnProperty("function-runtime.spring-boot-function")
	static DispatcherServletLoading functionRuntimeDispatcherServletLoading(Environment environment) {
		return new DispatcherServletLoading(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenProvider functionTokenProvider(FunctionRuntimeProperties properties, ObjectProvider<JsonMapper> jsonMapper) {
		FunctionRuntimeProperties.Token token = properties.getToken();
		return switch (token.getSource()) {
			case NONE -> TokenProvider.NONE;
			case STATIC -> {
				if (token.getValue() == null || token.getValue().isBlank()) {
					throw new FunctionDefinitionException(
							"function-runtime.token.source is 'static' but function-runtime.token.value is empty.",
							"Set function-runtime.token.value (for example from an environment variable), "
									+ "or set function-runtime.token.source to 'none'.");
				}
				yield new StaticTokenProvider(token.getValue(), token.getExpiresIn(), Clock.systemUTC());
			}
			case METADATA -> new MetadataTokenProvider(token.getMetadataUrl(), token.getConnectTimeout(),
					token.getReadTimeout(), token.getRefreshBefore(), token.getRetryInterval(),
					jsonMapper.getIfAvailable(JsonMapper::shared), Clock.systemUTC());
		};
	}

	@Bean
	@ConditionalOnMissingBean
	WorkerThreads functionWorkerThreads() {
		return new WorkerThreads();
	}

	@Bean
	@ConditionalOnMissingBean
	ContextFactory functionContextFactory(TokenProvider tokenProvider, WorkerThreads workerThreads) {
		return new ContextFactory(tokenProvider, workerThreads);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "function-runtime.router-log.async", matchIfMissing = true)
	BackgroundLogWriter functionRouterLogWriter(FunctionRuntimeProperties properties) {
		int capacity = properties.getRouterLog().getQueueCapacity();
		if (capacity < 1) {
			throw new IllegalStateException(
					"function-runtime.router-log.queue-capacity must be at least 1, but is " + capacity);
		}
		return new BackgroundLogWriter("function-runtime-log", capacity);
	}

	@Bean
	@ConditionalOnMissingBean
	InvocationLog functionInvocationLog(ObjectProvider<BackgroundLogWriter> writer) {
		BackgroundLogWriter background = writer.getIfAvailable();
		return (background != null) ? new InvocationLog(background) : new InvocationLog();
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionInvoker functionInvoker(FunctionRegistry registry, ConfigurableListableBeanFactory beanFactory,
			ContextFactory contextFactory, InvocationLog invocationLog, ObjectProvider<InvocationObserver> observer) {
		return new FunctionInvoker(registry, beanFactory, contextFactory, invocationLog,
				observer.getIfAvailable(() -> InvocationObserver.NONE));
	}

	/**
	 * The end of the shutdown's grace period, read as Spring Boot reads it for its
	 * lifecycle processor.
	 */
	@Bean
	@ConditionalOnMissingBean
	ShutdownDeadline functionShutdownDeadline(ObjectProvider<FunctionInvoker> invoker, FunctionRegistry registry,
			Environment environment) {
		Duration gracePeriod = Binder.get(environment)
			.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
			.orElse(DEFAULT_GRACE_PERIOD);
		return new ShutdownDeadline(invoker::getObject, registry.functions().values(), gracePeriod);
	}

	@Bean
	@ConditionalOnMissingBean
	HttpEventMapper httpEventMapper() {
		return new HttpEventMapper();
	}

	@Bean
	@ConditionalOnMissingBean
	EventBinder functionEventBinder(ObjectProvider<JsonMapper> jsonMapper) {
		return new EventBinder(functionJsonMapper(jsonMapper));
	}

	@Bean
	@ConditionalOnMissingBean
	ResponseWriter functionResponseWriter(ObjectProvider<JsonMapper> jsonMapper,
			FunctionRuntimeProperties properties, Environment environment) {
		return new ResponseWriter(functionJsonMapper(jsonMapper), properties.getMaxResponseSize().toBytes(), maxHttpResponseHeaderSize(environment),
				properties.isIncludeStackTrace());
	}

	/**
	 * Derives the mapper of events and results from the application's: it binds a POJO
	 * through its fields of any visibility as the cloud's Java runtime does (accessors
	 * still count), leaves a missing field at its default and ignores unknown fields. The
	 * application's own mapper stays as it is.
	 */
	static JsonMapper functionJsonMapper(ObjectProvider<JsonMapper> jsonMapper) {
		return jsonMapper.getIfAvailable(JsonMapper::shared)
			.rebuild()
			.changeDefaultVisibility((visibility) -> visibility.withFieldVisibility(Visibility.ANY))
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

	/**
	 * Reads the server's response header limit as Spring Boot applies it to Tomcat: set and
	 * positive, or Tomcat's own 8 KB. Bound from the environment, so that no web server
	 * module is needed on the class path.
	 */
	static long maxHttpResponseHeaderSize(Environment environment) {
		long size = Binder.get(environment)
			.bind("server.max-http-response-header-size", DataSize.class)
			.map(DataSize::toBytes)
			.orElse(0L);
		return (size > 0) ? size : DataSize.ofKilobytes(8).toBytes();
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionController functionController(FunctionRegistry registry, HttpEventMapper eventMapper,
			EventBinder eventBinder, FunctionInvoker invoker, ResponseWriter responseWriter,
			FunctionRuntimeProperties properties, ObjectProvider<FunctionAccessCheck> accessCheck,
			ObjectProvider<AsyncInvocations> asyncInvocations) {
		return new FunctionController(registry, eventMapper, eventBinder, invoker, responseWriter,
				properties.getMaxEventSize().toBytes(),
				accessCheck.getIfAvailable(() -> PrivateFunctions.withoutSpringSecurity(registry)),
				properties.getBodyReadTimeout(), asyncInvocations.getObject());
	}

	@Bean
	@ConditionalOnMissingBean
	FatalErrorGuard functionFatalErrorGuard(ApplicationEventPublisher events, FunctionRuntimeProperties properties) {
		return new FatalErrorGuard(events, properties.isExitOnFatalError() ? FatalErrorGuard::exitProcess : null);
	}

	/**
	 * Maps the servlet to the exact routes of the functions: {@code /<entry point>},
	 * {@code /<function id>}, and the context root when there is a default function. With
	 * no function it stays unregistered, as a servlet without mappings would take every
	 * path.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "functionServletRegistration")
	ServletRegistrationBean<FunctionServlet> functionServletRegistration(FunctionController controller,
			FunctionRegistry registry) {
		Set<String> mappings = new LinkedHashSet<>();
		registry.functions().values().forEach((function) -> registry.routes(function).forEach((route) -> mappings
			.add(route.equals("/") ? "" : route)));
		ServletRegistrationBean<FunctionServlet> registration = new ServletRegistrationBean<>(
				new FunctionServlet(controller), mappings.toArray(String[]::new));
		registration.setName(FunctionCalls.SERVLET_NAME);
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		registration.setEnabled(!mappings.isEmpty());
		return registration;
	}

	/**
	 * Spring Boot's filters that read a form body, for the application's routes only, so
	 * that a function's body is never consumed before the runtime reads it.
	 */
	@Configuration(proxyBeanMethods = false)
	static class BodyPreservingFilterConfiguration {

		@Bean
		@ConditionalOnMissingBean(FormContentFilter.class)
		@ConditionalOnBooleanProperty(name = "spring.mvc.formcontent.filter.enabled", matchIfMissing = true)
		ApplicationFormContentFilter formContentFilter() {
			return new ApplicationFormContentFilter();
		}

		@Bean
		@ConditionalOnMissingBean(HiddenHttpMethodFilter.class)
		@ConditionalOnBooleanProperty(name = "spring.mvc.hiddenmethod.filter.enabled")
		ApplicationHiddenHttpMethodFilter hiddenHttpMethodFilter() {
			return new ApplicationHiddenHttpMethodFilter();
		}

	}

	/**
	 * Makes Tomcat's own answers the runtime's JSON errors: those it gives before any
	 * servlet runs (a malformed request, headers too large), and those it gives on a
	 * function's route. Errors of the application's own routes stay its own. HTTP/0.9
	 * gets no answer and {@code OPTIONS *} a request id.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tomcat.class, ConfigurableTomcatWebServerFactory.class })
	static class TomcatConfiguration {

		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> functionRuntimeTomcatCustomizer() {
			return (factory) -> {
				factory.addEngineValves(new FunctionErrorValve(), new Http09RefusingValve(), new AsteriskOptionsValve());
				factory.addContextCustomizers((context) -> {
					if (context.getParent() instanceof StandardHost host) {
						host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
					}
				});
			};
		}

	}

}
