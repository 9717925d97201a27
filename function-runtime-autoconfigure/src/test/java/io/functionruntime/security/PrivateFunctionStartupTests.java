package io.functionruntime.security;

import java.util.Map;

import io.functionruntime.FunctionHandler;
import io.functionruntime.autoconfigure.FunctionRuntimeAutoConfiguration;
import io.functionruntime.autoconfigure.FunctionSecurityAutoConfiguration;
import io.functionruntime.internal.security.BearerTokenAccessCheck;
import io.functionruntime.internal.web.FunctionAccessCheck;
import io.functionruntime.internal.web.FunctionController;
import io.functionruntime.registry.FunctionDefinitionException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A private function that could never be called stops startup with a message naming the
 * function and the property, and the fix: without Spring Security's resource server, or
 * without anything to validate tokens with. Without a private function, nothing is
 * needed.
 */
class PrivateFunctionStartupTests {

	private static final String PRIVATE = "function-runtime.functions[main.handler].public=false";

	private static final FilteredClassLoader WITHOUT_RESOURCE_SERVER = new FilteredClassLoader(
			"org.springframework.security.oauth2.server.resource");

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				FunctionRuntimeAutoConfiguration.class, FunctionSecurityAutoConfiguration.class))
		.withBean("mainHandler", MainHandler.class);

	@Test
	void privateFunctionWithoutSpringSecurityOnTheClasspathStopsStartup() {
		this.runner.withClassLoader(WITHOUT_RESOURCE_SERVER).withPropertyValues(PRIVATE).run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("Function 'main.handler' is private "
					+ "(function-runtime.functions[main.handler].public=false), but Spring Security's resource server "
					+ "is not on the classpath, so no call to it could be authenticated.");
			assertThat(failure.getAction()).isEqualTo("Add org.springframework.security:"
					+ "spring-security-oauth2-resource-server and org.springframework.security:"
					+ "spring-security-oauth2-jose (or org.springframework.boot:"
					+ "spring-boot-starter-oauth2-resource-server) to the application's dependencies, or remove "
					+ "function-runtime.functions[main.handler].public=false.");
		});
	}

	@Test
	void publicFunctionsStartWithoutSpringSecurityOnTheClasspath() {
		this.runner.withClassLoader(WITHOUT_RESOURCE_SERVER).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(FunctionController.class);
			assertThat(context).doesNotHaveBean(FunctionAccessCheck.class);
		});
	}

	@Test
	void privateFunctionWithoutJwtDecoderIntrospectorOrStaticTokensStopsStartup() {
		this.runner.withPropertyValues(PRIVATE).run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("Function 'main.handler' is private "
					+ "(function-runtime.functions[main.handler].public=false), but nothing can validate its callers' "
					+ "tokens: the application has no JwtDecoder bean, no OpaqueTokenIntrospector bean and no "
					+ "function-runtime.security.static-tokens.");
			assertThat(failure.getAction()).isEqualTo("Declare a JwtDecoder bean (with Spring Boot's "
					+ "resource-server starter, set spring.security.oauth2.resourceserver.jwt.jwk-set-uri or "
					+ "issuer-uri), an OpaqueTokenIntrospector bean, or function-runtime.security.static-tokens for "
					+ "local development; or remove function-runtime.functions[main.handler].public=false.");
		});
	}

	@Test
	void emptyStaticTokenStopsStartup() {
		this.runner.withPropertyValues(PRIVATE, "function-runtime.security.static-tokens.alice=").run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("function-runtime.security.static-tokens[alice] is empty.");
			assertThat(failure.getAction()).isEqualTo(
					"Set function-runtime.security.static-tokens[alice] to the token of that principal, or remove it.");
		});
	}

	@Test
	void invokersOfAPublicFunctionStopStartup() {
		this.runner.withPropertyValues("function-runtime.functions[main.handler].invokers=alice").run((context) -> {
			FunctionDefinitionException failure = startupFailure(context);
			assertThat(failure).hasMessage("Function 'main.handler' cannot be configured: "
					+ "function-runtime.functions[main.handler].invokers is set, but the function is public, so "
					+ "anyone may call it and the invokers are ignored; set "
					+ "function-runtime.functions[main.handler].public=false to allow only them.");
		});
	}

	@Test
	void withoutPrivateFunctionsEveryCallIsPermitted() {
		this.runner.run((context) -> assertThat(context.getBean(FunctionAccessCheck.class))
			.isSameAs(FunctionAccessCheck.NONE));
	}

	@Test
	void privateFunctionWithStaticTokensChecksBearerTokens() {
		this.runner.withPropertyValues(PRIVATE, "function-runtime.security.static-tokens.alice=alice-token")
			.run((context) -> assertThat(context.getBean(FunctionAccessCheck.class))
				.isInstanceOf(BearerTokenAccessCheck.class));
	}

	private static FunctionDefinitionException startupFailure(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable root = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
		assertThat(root).isInstanceOf(FunctionDefinitionException.class);
		return (FunctionDefinitionException) root;
	}

	static class MainHandler {

		@FunctionHandler("main.handler")
		Map<String, Object> handle(Map<String, Object> event) {
			return event;
		}

	}

}
