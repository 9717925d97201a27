package io.functionruntime.security;

import java.net.http.HttpResponse;

import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import io.functionruntime.security.SecuredFunctions.Calls;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A private function answers only calls with a valid bearer token of one of its invokers,
 * here tokens from function-runtime.security.static-tokens; the others get the runtime's
 * JSON 401 or 403 and its handler does not run.
 */
@SpringBootTest(classes = { SecuredFunctions.class, FunctionRoutesPermitted.class, TestHttpConfiguration.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "function-runtime.functions[private.handler].public=false",
				"function-runtime.functions[private.handler].id=d4eprivatefunction01",
				"function-runtime.functions[alice.handler].public=false",
				"function-runtime.functions[alice.handler].invokers=alice",
				"function-runtime.security.static-tokens.alice=alice-token",
				"function-runtime.security.static-tokens.bob=bob-token" })
class PrivateFunctionStaticTokenTests {

	private static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\", "
			+ "error_description=\"The token is none of the static tokens\", "
			+ "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"";

	@Autowired
	TestHttp http;

	@Autowired
	Calls calls;

	@Test
	void publicFunctionWithoutTokenRuns() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = this.http.get("/public.handler");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.calls.count()).isEqualTo(before + 1);
	}

	@Test
	void privateFunctionWithoutTokenIsUnauthorizedWithBearerChallengeAndDoesNotRun() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = this.http.get("/private.handler");

		JsonNode body = TestHttp.errorBody(response, 401, "Unauthorized");
		assertThat(body.get("errorMessage").asString())
			.isEqualTo("The function is private: call it with an 'Authorization: Bearer <IAM token>' header");
		assertThat(response.headers().firstValue("X-Request-Id").orElseThrow()).isNotBlank();
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
		assertThat(this.calls.count()).isEqualTo(before);
	}

	@Test
	void privateFunctionInRawModeWithoutTokenIsUnauthorizedAndDoesNotRun() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = this.http.postJson("/private.handler?integration=raw", "{}");

		TestHttp.errorBody(response, 401, "Unauthorized");
		assertThat(this.calls.count()).isEqualTo(before);
	}

	@Test
	void privateFunctionWithBasicCredentialsIsUnauthorized() {
		HttpResponse<byte[]> response = call("/private.handler", "Basic YWxpY2U6YWxpY2UtdG9rZW4=");

		TestHttp.errorBody(response, 401, "Unauthorized");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
	}

	@Test
	void privateFunctionWithWrongStaticTokenIsUnauthorizedAndDoesNotRun() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = call("/private.handler", "Bearer alice-token-guess");

		JsonNode body = TestHttp.errorBody(response, 401, "Unauthorized");
		assertThat(body.get("errorMessage").asString()).isEqualTo("The bearer token is not valid");
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly(INVALID_TOKEN_CHALLENGE);
		assertThat(this.calls.count()).isEqualTo(before);
	}

	@Test
	void privateFunctionWithMalformedBearerTokenIsUnauthorized() {
		HttpResponse<byte[]> response = call("/private.handler", "Bearer not a token");

		JsonNode body = TestHttp.errorBody(response, 401, "Unauthorized");
		assertThat(body.get("errorMessage").asString()).isEqualTo("The Authorization header is malformed");
		assertThat(response.headers().allValues("WWW-Authenticate"))
			.containsExactly("Bearer error=\"invalid_token\", error_description=\"Bearer token is malformed\", "
					+ "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"");
	}

	@Test
	void privateFunctionWithValidStaticTokenRuns() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = call("/private.handler", "Bearer bob-token");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.calls.count()).isEqualTo(before + 1);
	}

	@Test
	void privateFunctionReachedByItsIdChecksTheTokenToo() {
		HttpResponse<byte[]> response = this.http.get("/d4eprivatefunction01");

		TestHttp.errorBody(response, 401, "Unauthorized");
	}

	@Test
	void invokerOfAFunctionWithInvokersRuns() {
		HttpResponse<byte[]> response = call("/alice.handler", "Bearer alice-token");

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void validTokenOfAPrincipalThatIsNoInvokerIsForbiddenAndDoesNotRun() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = call("/alice.handler", "Bearer bob-token");

		JsonNode body = TestHttp.errorBody(response, 403, "Forbidden");
		assertThat(body.get("errorMessage").asString())
			.isEqualTo("'bob' is not an invoker of function 'alice.handler'");
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(this.calls.count()).isEqualTo(before);
	}

	@Test
	void eventOfAPrivateCallHasNoAuthorizationHeader() {
		HttpResponse<byte[]> response = call("/private.handler", "Bearer bob-token");

		JsonNode event = TestHttp.json(response);
		assertThat(event.get("headers").propertyNames()).doesNotContain("Authorization", "authorization");
		assertThat(event.get("multiValueHeaders").propertyNames()).doesNotContain("Authorization", "authorization");
		assertThat(TestHttp.text(response)).doesNotContain("bob-token");
	}

	private HttpResponse<byte[]> call(String path, String authorization) {
		return this.http.send("GET", path, null, null, "Authorization", authorization);
	}

}
