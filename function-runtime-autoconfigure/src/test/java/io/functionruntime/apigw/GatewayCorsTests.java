package io.functionruntime.apigw;

import java.net.http.HttpResponse;

import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS rules of the spec, over real HTTP, in an application whose Spring Security denies
 * every {@code OPTIONS} request but those of {@code /raw}, and whose Spring MVC allows
 * another origin: the gateway answers preflights itself before either, without calling a
 * function.
 */
@SpringBootTest(classes = { GatewayApplication.class, GatewayCorsTests.SecuredApplication.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "function-runtime.api-gateway.spec=classpath:apigw/cors.yaml")
@ActiveProfiles("apigw")
@Import(TestHttpConfiguration.class)
class GatewayCorsTests {

	@Autowired
	TestHttp http;

	@Test
	void preflightIsAnsweredByTheGatewayWithTheTopLevelRuleWithoutACall() {
		int calls = GatewayApplication.calls.get();
		HttpResponse<byte[]> response = preflight("/top/7", "https://web.example", "POST");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("https://web.example");
		assertThat(header(response, "Access-Control-Allow-Methods")).isEqualTo("GET,POST");
		assertThat(header(response, "Access-Control-Allow-Headers")).isEqualTo("Content-Type,Authorization");
		assertThat(header(response, "Access-Control-Expose-Headers")).isEqualTo("X-Total");
		assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("600");
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
	}

	@Test
	void optionsThatIsNoPreflightMeetsTheApplicationsSecurity() {
		assertThat(this.http.send("OPTIONS", "/top/7", null, null).statusCode()).isEqualTo(403);
	}

	@Test
	void pathRuleFromComponentsOverridesTheTopLevelRule() {
		int calls = GatewayApplication.calls.get();
		HttpResponse<byte[]> response = preflight("/named", "https://web.example", "PUT");
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("https://app.example");
		assertThat(header(response, "Access-Control-Allow-Methods")).isEqualTo("GET,PUT");
		assertThat(header(response, "Access-Control-Allow-Headers")).isEqualTo("*");
		assertThat(response.headers().firstValue("Access-Control-Max-Age")).isEmpty();
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).isEmpty();
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
	}

	@Test
	void listedOriginsAreJoinedAndAbsentMethodsEchoTheRequestedMethod() {
		HttpResponse<byte[]> response = preflight("/listed", "https://a.example", "DELETE");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("https://a.example,https://b.example");
		assertThat(header(response, "Access-Control-Allow-Methods")).isEqualTo("DELETE");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).isEmpty();
	}

	@Test
	void originFalseSendsThePreflightToTheOptionsOperationAndPassesItsHeaders() {
		int calls = GatewayApplication.calls.get();
		HttpResponse<byte[]> response = preflight("/raw", "https://web.example", "GET");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "X-Method")).isEqualTo("OPTIONS");
		assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("https://fn.example");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls + 1);
	}

	@Test
	void actualResponseGetsTheRulesOriginHeadersInPlaceOfTheFunctions() {
		HttpResponse<byte[]> response = this.http.send("GET", "/top/7", null, null, "Origin", "https://web.example");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "X-Method")).isEqualTo("GET");
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly("https://web.example");
		assertThat(header(response, "Access-Control-Expose-Headers")).isEqualTo("X-Total");
		assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
	}

	@Test
	void requestWithoutOriginKeepsTheFunctionsHeaders() {
		HttpResponse<byte[]> response = this.http.get("/top/7");
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly("https://fn.example");
	}

	private HttpResponse<byte[]> preflight(String path, String origin, String method) {
		return this.http.send("OPTIONS", path, null, null, "Origin", origin, "Access-Control-Request-Method", method,
				"Access-Control-Request-Headers", "Content-Type");
	}

	private static String header(HttpResponse<byte[]> response, String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	/** Security that denies OPTIONS but on /raw, and Spring MVC CORS for another origin. */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class SecuredApplication implements WebMvcConfigurer {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.OPTIONS, "/raw")
					.permitAll()
					.requestMatchers(HttpMethod.OPTIONS)
					.denyAll()
					.anyRequest()
					.permitAll())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		/** Where Spring Boot's security auto-configuration puts the chain: before the gateway's filter. */
		@Bean
		DelegatingFilterProxyRegistrationBean securityFilterChainRegistration() {
			DelegatingFilterProxyRegistrationBean registration = new DelegatingFilterProxyRegistrationBean(
					AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
			registration.setOrder(-100);
			return registration;
		}

		@Override
		public void addCorsMappings(CorsRegistry registry) {
			registry.addMapping("/**").allowedOrigins("https://only.example");
		}

	}

}
