package io.functionruntime.sample;

import java.util.Map;

import io.functionruntime.Context;
import io.functionruntime.test.ContextBuilder;
import io.functionruntime.test.HttpEventBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code main.handler} as a plain unit test: no application context, the handler method
 * called directly with a built event and context.
 */
class MainTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void answersTheEventAndTheContextItWasCalledWith() {
		Map<String, Object> event = HttpEventBuilder.post()
			.query("param", "one")
			.jsonBody("{\"hello\": \"world\"}")
			.requestId("test-request")
			.buildMap();
		Context context = ContextBuilder.context().requestId("test-request").build();
		Map<String, Object> response = new Main(JSON).handler(event, context);
		assertThat(response).containsEntry("statusCode", 200);
		JsonNode body = JSON.readTree((String) response.get("body"));
		assertThat(body.get("event").get("body").asString()).isEqualTo("{\"hello\": \"world\"}");
		assertThat(body.get("event").get("queryStringParameters").get("param").asString()).isEqualTo("one");
		assertThat(body.get("event").get("headers").get("X-Request-Id").asString()).isEqualTo("test-request");
		assertThat(body.get("context").get("request_id").asString()).isEqualTo("test-request");
		assertThat(body.get("context").get("function_name").asString()).isEqualTo("d4etestfunction00001");
	}

}
