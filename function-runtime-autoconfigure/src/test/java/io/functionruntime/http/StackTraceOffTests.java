package io.functionruntime.http;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code function-runtime.include-stack-trace=false} keeps stack traces out of error
 * bodies.
 */
@HttpTest(properties = "function-runtime.include-stack-trace=false")
class StackTraceOffTests {

	@Autowired
	TestHttp http;

	@Test
	void handlerErrorHasNoStackTrace() {
		JsonNode body = TestHttp.json(this.http.get("/fail.sync?message=quiet"));
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("errorMessage", "errorType");
		assertThat(body.get("errorMessage").asString()).isEqualTo("quiet");
	}

}
