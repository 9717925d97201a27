package io.functionruntime.http;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a token source the context has no {@code token}, and {@code getTokenJson()} is
 * empty.
 */
@HttpTest(properties = "function-runtime.token.source=none")
class NoTokenTests {

	@Autowired
	TestHttp http;

	@Test
	void contextHasNoTokenKeyAndEmptyTokenJson() {
		JsonNode body = TestHttp.json(this.http.get("/echo.event"));
		assertThat(body.get("context").has("token")).isFalse();
		assertThat(body.get("context").size()).isEqualTo(10);
		assertThat(body.get("tokenJson").asString()).isEmpty();
	}

}
