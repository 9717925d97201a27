package io.functionruntime.security;

import java.net.http.HttpResponse;

import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import io.functionruntime.security.SecuredFunctions.Calls;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Function routes pass through the application's own SecurityFilterChain like any route:
 * a route it secures is answered by Spring Security before the runtime, a route it
 * permits is left to the runtime.
 */
@SpringBootTest(
		classes = { SecuredFunctions.class, PrivateFunctionSecurityFilterChainTests.PublicFunctionSecured.class,
				TestHttpConfiguration.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "function-runtime.functions[private.handler].public=false",
				"function-runtime.security.static-tokens.bob=bob-token" })
class PrivateFunctionSecurityFilterChainTests {

	@Autowired
	TestHttp http;

	@Autowired
	Calls calls;

	@Test
	void functionRouteTheChainSecuresIsAnsweredBySpringSecurityAndDoesNotRun() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = this.http.get("/public.handler");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"Realm\"");
		assertThat(this.calls.count()).isEqualTo(before);
	}

	@Test
	void functionRouteTheChainPermitsIsLeftToTheRuntime() {
		HttpResponse<byte[]> response = this.http.get("/private.handler");

		TestHttp.errorBody(response, 401, "Unauthorized");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
	}

	@Test
	void functionRouteTheChainPermitsRunsWithAValidToken() {
		HttpResponse<byte[]> response = this.http.send("GET", "/private.handler", null, null, "Authorization",
				"Bearer bob-token");

		assertThat(response.statusCode()).isEqualTo(200);
	}

	/** A chain that requires HTTP Basic authentication for the public function's route. */
	@TestConfiguration(proxyBeanMethods = false)
	static class PublicFunctionSecured {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/public.handler")
					.authenticated()
					.anyRequest()
					.permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.ignoringRequestMatchers(SecuredFunctions.FUNCTION_ROUTES))
				.build();
		}

	}

}
