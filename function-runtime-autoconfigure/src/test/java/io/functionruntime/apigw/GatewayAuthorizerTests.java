package io.functionruntime.apigw;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static io.functionruntime.http.TestHttp.json;
import static io.functionruntime.http.TestHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Function authorizers of the spec's security schemes, over real HTTP: the gateway calls
 * the authorizer before the integration, refuses what it refuses, and keeps its decisions
 * for their TTL by the application's clock, which the test moves.
 */
@SpringBootTest(classes = { GatewayApplication.class, GatewayAuthorizerTests.MovableClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "function-runtime.api-gateway.spec=classpath:apigw/authorizer.yaml")
@ActiveProfiles("apigw")
@Import(TestHttpConfiguration.class)
class GatewayAuthorizerTests {

	@Autowired
	TestHttp http;

	@Autowired
	MovableClock clock;

	@Test
	void missingCredentialsAreUnauthorizedWithoutACall() {
		int calls = GatewayApplication.calls.get();
		int authorizations = GatewayApplication.authorizations.get();
		JsonNode error = TestHttp.errorBody(this.http.get("/secure/1"), 401, "Unauthorized");
		assertThat(error.get("errorMessage").asString()).isEqualTo("Unauthorized: GET /secure/{id} requires an "
				+ "Authorization header with a Bearer credential");
		TestHttp.errorBody(this.http.send("GET", "/secure/1", null, null, "Authorization", "Basic Zm9vOmJhcg=="),
				401, "Unauthorized");
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
		assertThat(GatewayApplication.authorizations.get()).isEqualTo(authorizations);
	}

	@Test
	void authorizedBearerTokenGivesTheAuthorizersContextToTheIntegration() {
		HttpResponse<byte[]> response = this.http.send("GET", "/secure/42?verbose=1", null, null, "Authorization",
				"Bearer good", "Cookie", "session=abc; theme=dark", "User-Agent", "authorizer-test");
		assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
		JsonNode requestContext = json(response).get("requestContext");
		assertThat(requestContext.get("authorizer"))
			.isEqualTo(TestHttp.JSON.readTree("{\"user\":\"alice\",\"roles\":[\"admin\"]}"));
		assertThat(fieldNames(requestContext)).containsExactly("identity", "httpMethod", "requestId", "requestTime",
				"requestTimeEpoch", "authorizer");
		Map<String, Object> event = GatewayApplication.authorizerEvent.get();
		assertThat(event.keySet()).containsExactly("resource", "path", "httpMethod", "headers",
				"queryStringParameters", "pathParameters", "requestContext", "cookies");
		assertThat(event.get("resource")).isEqualTo("/secure/{id}");
		assertThat(event.get("path")).isEqualTo("/secure/42");
		assertThat(event.get("httpMethod")).isEqualTo("GET");
		assertThat(((Map<?, ?>) event.get("headers")).get("Authorization")).isEqualTo("Bearer good");
		assertThat(event.get("queryStringParameters")).isEqualTo(Map.of("verbose", "1"));
		assertThat(event.get("pathParameters")).isEqualTo(Map.of("id", "42"));
		assertThat(event.get("cookies")).isEqualTo(Map.of("session", "abc", "theme", "dark"));
		Map<?, ?> authorizerContext = (Map<?, ?>) event.get("requestContext");
		assertThat(authorizerContext.get("requestId")).isEqualTo(response.headers().firstValue("X-Request-Id").get());
		assertThat(authorizerContext.get("identity"))
			.isEqualTo(Map.of("sourceIp", "127.0.0.1", "userAgent", "authorizer-test"));
	}

	@Test
	void payloadFormat10GetsTheAuthorizersContextToo() {
		HttpResponse<byte[]> response = this.http.send("GET", "/secure10", null, null, "Authorization",
				"Bearer good");
		assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
		assertThat(json(response).get("requestContext").get("authorizer").get("user").asString()).isEqualTo("alice");
	}

	@Test
	void deniedIsForbiddenAndTheIntegrationIsNotCalled() {
		int calls = GatewayApplication.calls.get();
		int authorizations = GatewayApplication.authorizations.get();
		JsonNode error = TestHttp.errorBody(
				this.http.send("GET", "/secure/1", null, null, "Authorization", "Bearer bad"), 403, "Forbidden");
		assertThat(error.get("errorMessage").asString()).contains("auth.check", "'bearer'", "isAuthorized: false");
		assertThat(GatewayApplication.authorizations.get()).isEqualTo(authorizations + 1);
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
	}

	@Test
	void authorizerThatThrowsIsAnInternalErrorWithoutACall() {
		int calls = GatewayApplication.calls.get();
		JsonNode error = TestHttp.errorBody(
				this.http.send("GET", "/secure/1", null, null, "Authorization", "Bearer boom"), 500, "InternalError");
		assertThat(error.get("errorMessage").asString()).contains("auth.check", "failed", "authorizer down");
		assertThat(GatewayApplication.calls.get()).isEqualTo(calls);
	}

	@Test
	void authorizerWithoutADecisionIsAnInternalError() {
		JsonNode error = TestHttp.errorBody(
				this.http.send("GET", "/secure/1", null, null, "Authorization", "Bearer odd"), 500, "InternalError");
		assertThat(error.get("errorMessage").asString()).contains("allowed", "isAuthorized");
	}

	@Test
	void decisionIsKeptPerSpecPathUntilItsTtlEnds() {
		int authorizations = GatewayApplication.authorizations.get();
		assertThat(keyed("/cached/1", "good").statusCode()).isEqualTo(200);
		assertThat(keyed("/cached/2", "good").statusCode()).isEqualTo(200);
		assertThat(GatewayApplication.authorizations.get()).isEqualTo(authorizations + 1);
		assertThat(keyed("/cached/1", "other").statusCode()).isEqualTo(403);
		assertThat(keyed("/cached/1", "other").statusCode()).isEqualTo(403);
		assertThat(GatewayApplication.authorizations.get()).isEqualTo(authorizations + 2);
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(keyed("/cached/1", "good").statusCode()).isEqualTo(200);
		assertThat(GatewayApplication.authorizations.get()).isEqualTo(authorizations + 3);
	}

	@Test
	void decisionIsKeptPerUriInUriMode() {
		int authorizations = GatewayApplication.authorizations.get();
		assertThat(keyed("/uri/1", "good").statusCode()).isEqualTo(200);
		assertThat(keyed("/uri/2", "good").statusCode()).isEqualTo(200);
		assertThat(keyed("/uri/1", "good").statusCode()).isEqualTo(200);
		assertThat(GatewayApplication.authorizations.get()).isEqualTo(authorizations + 2);
	}

	private HttpResponse<byte[]> keyed(String path, String key) {
		return this.http.send("GET", path, null, null, "X-Api-Key", key);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	/** A clock the test moves, for the authorizer's cache. */
	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-01-04T09:05:01Z");

		@Bean
		MovableClock clock() {
			return this;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
