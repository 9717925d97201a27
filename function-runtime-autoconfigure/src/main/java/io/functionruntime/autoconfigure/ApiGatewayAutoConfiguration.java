package io.functionruntime.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.functionruntime.internal.apigw.GatewayCalls;
import io.functionruntime.internal.apigw.GatewayFilter;
import io.functionruntime.internal.apigw.GatewayRoutes;
import io.functionruntime.internal.apigw.GatewayRouting;
import io.functionruntime.internal.apigw.GatewaySpecReader;
import io.functionruntime.internal.async.AsyncInvocations;
import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.web.FunctionAccessCheck;
import io.functionruntime.internal.web.FunctionController;
import io.functionruntime.internal.web.HttpEventMapper;
import io.functionruntime.internal.web.ResponseWriter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The API Gateway in front of the functions, when {@code function-runtime.api-gateway.spec}
 * names the gateway's OpenAPI spec: its {@code cloud_functions} operations route requests to
 * the functions, with the event the gateway builds. Direct calls keep their routes.
 */
@AutoConfiguration(after = FunctionRuntimeAutoConfiguration.class)
@ConditionalOnClass(OpenAPIV3Parser.class)
@ConditionalOnBean(FunctionController.class)
@ConditionalOnProperty("function-runtime.api-gateway.spec")
@EnableConfigurationProperties(ApiGatewayProperties.class)
public final class ApiGatewayAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ApiGatewayAutoConfiguration.class);

	@Bean
	GatewayRoutes functionGatewayRoutes(ApiGatewayProperties properties, ResourceLoader resourceLoader,
			FunctionRegistry registry) {
		String location = properties.getSpec();
		GatewayRoutes routes = GatewaySpecReader.read(location, resourceLoader.getResource(location), registry);
		List<String> notEmulated = routes.notEmulated();
		if (!notEmulated.isEmpty()) {
			logger.warn("API Gateway spec {}: integrations not emulated, answered 501: {}", location,
					String.join(", ", notEmulated));
		}
		List<String> authorizers = routes.authorizersNotEmulated();
		if (!authorizers.isEmpty()) {
			logger.warn("API Gateway spec {}: authorizers not emulated, their operations are called without "
					+ "authorization: {}", location, String.join(", ", authorizers));
		}
		List<String> shadowed = routes.shadowedByDirectRoutes();
		if (!shadowed.isEmpty()) {
			logger.warn("API Gateway spec {}: operations whose path is a direct route of a function, which stays the "
					+ "direct call's, so they are never reached: {}", location, String.join(", ", shadowed));
		}
		logger.info("API Gateway spec {}: {}", location,
				routes.describe().stream().collect(Collectors.joining(", ")));
		return routes;
	}

	/** Marks the gateway's calls before any filter of the application can read their body. */
	@Bean
	FilterRegistrationBean<GatewayRouting> functionGatewayRouting(GatewayRoutes routes) {
		FilterRegistrationBean<GatewayRouting> registration = new FilterRegistrationBean<>(new GatewayRouting(routes));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setAsyncSupported(true);
		return registration;
	}

	/**
	 * Serves the gateway's calls after the application's filters, with the gateway's own
	 * limits, on the runtime's one call path. Authorizer decisions are kept by the
	 * application's {@link Clock} when it has one.
	 */
	@Bean
	FilterRegistrationBean<GatewayFilter> functionGatewayFilter(ApiGatewayProperties properties,
			FunctionRegistry registry, HttpEventMapper eventMapper, EventBinder eventBinder, FunctionInvoker invoker,
			FunctionRuntimeProperties runtime, ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Clock> clock,
			Environment environment, ObjectProvider<AsyncInvocations> asyncInvocations) {
		JsonMapper functionJsonMapper = FunctionRuntimeAutoConfiguration.functionJsonMapper(jsonMapper);
		ResponseWriter responseWriter = new ResponseWriter(functionJsonMapper,
				Math.min(properties.getMaxResponseSize().toBytes(), runtime.getMaxResponseSize().toBytes()),
				FunctionRuntimeAutoConfiguration.maxHttpResponseHeaderSize(environment), runtime.isIncludeStackTrace());
		Duration bodyReadTimeout = runtime.getBodyReadTimeout();
		FunctionController controller = new FunctionController(registry, eventMapper, eventBinder, invoker,
				responseWriter, runtime.getMaxEventSize().toBytes(), FunctionAccessCheck.NONE, bodyReadTimeout,
				asyncInvocations.getObject());
		GatewayCalls calls = new GatewayCalls(properties.getId(), eventBinder, invoker, functionJsonMapper,
				clock.getIfUnique(Clock::systemUTC), properties.getMaxRequestSize().toBytes());
		FilterRegistrationBean<GatewayFilter> registration = new FilterRegistrationBean<>(
				new GatewayFilter(controller, calls));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		registration.setAsyncSupported(true);
		return registration;
	}

	/**
	 * Lets a percent-encoded slash through, as the gateway does: it is decoded in a greedy
	 * parameter's value, where Tomcat would refuse the request with 400. Paths of the
	 * application that held one were refused before, and now reach it encoded.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tomcat.class, ConfigurableTomcatWebServerFactory.class })
	static class TomcatConfiguration {

		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> functionGatewayTomcatCustomizer() {
			return (factory) -> factory.addConnectorCustomizers((connector) -> connector
				.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
		}

	}

}
