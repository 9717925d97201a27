package io.functionruntime.security;

import java.net.http.HttpResponse;
import java.util.Map;

import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import io.functionruntime.security.SecuredFunctions.Calls;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the application's {@link OpaqueTokenIntrospector}, a private function answers
 * calls with a token the introspector accepts; when the introspector cannot reach the
 * token's issuer, the call is the runtime's fault, not the caller's: 500.
 */
@SpringBootTest(
		classes = { SecuredFunctions.class, FunctionRoutesPermitted.class,
				PrivateFunctionOpaqueTokenTests.Introspection.class, TestHttpConfiguration.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "function-runtime.functions[private.handler].public=false" })
class PrivateFunctionOpaqueTokenTests {

	@Autowired
	TestHttp http;

	@Autowired
	Calls calls;

	@Test
	void tokenTheIntrospectorAcceptsRuns() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = this.http.send("GET", "/private.handler", null, null, "Authorization",
				"Bearer opaque-carol");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.calls.count()).isEqualTo(before + 1);
	}

	@Test
	void tokenTheIntrospectorRefusesIsUnauthorizedAndDoesNotRun() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = this.http.send("GET", "/private.handler", null, null, "Authorization",
				"Bearer opaque-unknown");

		TestHttp.errorBody(response, 401, "Unauthorized");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValue("Bearer error=\"invalid_token\", error_description=\"Unknown token\", "
					+ "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"");
		assertThat(this.calls.count()).isEqualTo(before);
	}

	@Test
	void introspectionFailureIsAnInternalErrorAndDoesNotRun() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = this.http.send("GET", "/private.handler", null, null, "Authorization",
				"Bearer opaque-outage");

		TestHttp.errorBody(response, 500, "InternalError");
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(this.calls.count()).isEqualTo(before);
	}

	/**
	 * An introspector that knows one token, of carol, and cannot reach its issuer for
	 * another.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Introspection {

		@Bean
		OpaqueTokenIntrospector opaqueTokenIntrospector() {
			return (token) -> {
				if (token.equals("opaque-outage")) {
					throw new OAuth2IntrospectionException("Introspection endpoint unreachable");
				}
				if (!token.equals("opaque-carol")) {
					throw new BadOpaqueTokenException("Unknown token");
				}
				return new DefaultOAuth2AuthenticatedPrincipal("carol", Map.of("sub", "carol"),
						AuthorityUtils.NO_AUTHORITIES);
			};
		}

	}

}
