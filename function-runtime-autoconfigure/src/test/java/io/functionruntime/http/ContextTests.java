package io.functionruntime.http;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context a handler receives (SPEC §5), as the seed's {@code default=vars} output
 * names it.
 */
@HttpTest
class ContextTests {

	@Autowired
	TestHttp http;

	private JsonNode call() {
		HttpResponse<byte[]> response = this.http.get("/echo.event");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = TestHttp.json(response);
		assertThat(body.get("context").get("request_id").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		return body;
	}

	@Test
	void contextSerialisesWithTheSeedsSnakeCaseKeys() {
		assertThat(call().get("context").propertyNames()).containsExactlyInAnyOrder("aws_request_id", "deadline_ms",
				"function_folder_id", "function_name", "function_version", "invoked_function_arn", "log_group_name",
				"log_stream_name", "memory_limit_in_mb", "request_id", "token");
	}

	@Test
	void contextCarriesTheConfiguredIdentity() {
		JsonNode context = call().get("context");
		assertThat(context.get("aws_request_id").asString()).isEqualTo(context.get("request_id").asString());
		assertThat(context.get("function_name").asString()).isEqualTo("d4etestfunction00001");
		assertThat(context.get("invoked_function_arn").asString()).isEqualTo("d4etestfunction00001");
		assertThat(context.get("function_version").asString()).isEqualTo("d4etestversion000001");
		assertThat(context.get("log_stream_name").asString()).isEqualTo("d4etestversion000001");
		assertThat(context.get("log_group_name").asString()).isEqualTo("ckgtestloggroup00001");
		assertThat(context.get("memory_limit_in_mb").asInt()).isEqualTo(256);
		assertThat(context.get("function_folder_id").asString()).isEqualTo("b1gtestfolder0000001");
	}

	@Test
	void deadlineIsArrivalPlusTimeoutAndRemainingTimeCountsDown() {
		long before = System.currentTimeMillis();
		JsonNode body = call();
		long after = System.currentTimeMillis();
		long deadline = body.get("context").get("deadline_ms").asLong();
		assertThat(deadline).isBetween(before + 5000, after + 5000);
		long remaining = body.get("remainingMillis").asLong();
		assertThat(remaining).isPositive().isLessThanOrEqualTo(5000);
	}

	@Test
	void staticTokenIsInTheContextAndCountsDown() {
		JsonNode body = call();
		JsonNode token = body.get("context").get("token");
		assertThat(token.get("access_token").asString()).isEqualTo(TestFunctions.TOKEN);
		assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(token.get("expires_in").asLong()).isBetween(3000L, 3600L);
		assertThat(TestHttp.JSON.readTree(body.get("tokenJson").asString())).isEqualTo(token);
	}

	@Test
	void functionWithoutServiceAccountHasNoToken() {
		HttpResponse<byte[]> response = this.http.get("/echo.context");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = TestHttp.json(response);
		assertThat(body.get("context").has("token")).isFalse();
		assertThat(body.get("tokenJson").asString()).isEmpty();
		assertThat(call().get("context").get("token").get("access_token").asString()).isEqualTo(TestFunctions.TOKEN);
	}

	@Test
	void folderIdDefaultsToOneGeneratedIdForEveryFunction() {
		String folder = TestHttp.json(this.http.get("/echo.context")).get("context").get("function_folder_id")
			.asString();
		assertThat(folder).matches("b1g[a-v0-9]{17}");
	}

	@Test
	void requestIdIsTheSameInEventContextAndResponse() {
		JsonNode body = call();
		String requestId = body.get("context").get("request_id").asString();
		assertThat(body.get("event").get("requestContext").get("requestId").asString()).isEqualTo(requestId);
		assertThat(body.get("event").get("headers").get("X-Request-Id").asString()).isEqualTo(requestId);
	}

}
