package io.functionruntime.http;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers that fail in odd ways: each gets its documented answer, and the application
 * stays healthy (the next call succeeds).
 */
@HttpTest
class FaultyHandlerTests {

	@Autowired
	TestHttp http;

	@AfterEach
	void stillHealthy() {
		HttpResponse<byte[]> next = this.http.get("/echo.event");
		assertThat(next.statusCode()).isEqualTo(200);
	}

	private JsonNode failure(String path, int status, String errorType) {
		return TestHttp.errorBody(this.http.get(path), status, errorType);
	}

	@Test
	void exceptionWithoutMessageHasAnEmptyMessage() {
		assertThat(failure("/fault.nullMessage", 502, "IllegalStateException").get("errorMessage").asString()).isEmpty();
	}

	@Test
	void exceptionWhoseMessageAndToStringThrowIsStillAnswered() {
		JsonNode body = failure("/fault.throwingMessage", 502, "io.functionruntime.http.TestFunctions$Faulty$1");
		assertThat(body.get("errorMessage").asString()).isEmpty();
	}

	@Test
	void cyclicCausesDoNotHoldTheCall() {
		JsonNode body = failure("/fault.cyclic", 502, "io.functionruntime.http.TestFunctions$Faulty$2");
		assertThat(body.get("errorMessage").asString()).isEqualTo("outer");
	}

	@Test
	void veryLongMessageIsCut() {
		JsonNode body = failure("/fault.longMessage", 502, "IllegalArgumentException");
		assertThat(body.get("errorMessage").asString()).hasSize(16_385).endsWith("x…");
	}

	@Test
	void outOfMemoryErrorThrownByUserCodeIs502() {
		JsonNode body = failure("/fault.oom", 502, "OutOfMemoryError");
		assertThat(body.get("errorMessage").asString()).isEqualTo("user code ran out");
	}

	@Test
	void resultWhoseGetterThrowsIsMalformed() {
		failure("/fault.unserialisable", 502, "ProxyIntegrationError");
	}

	@Test
	void resultThatContainsItselfIsMalformed() {
		failure("/fault.cycle", 502, "ProxyIntegrationError");
	}

	@Test
	void futureCompletedWithNullIsMalformed() {
		JsonNode body = failure("/fault.nullFuture", 502, "ProxyIntegrationError");
		assertThat(body.get("payload").asString()).isEqualTo("null");
	}

	@Test
	void futureCompletedTwiceAnswersTheFirstResult() {
		HttpResponse<byte[]> response = this.http.get("/fault.twice");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("first");
	}

	@Test
	void handlerWritingHeavilyToStandardOutIsAnswered() {
		HttpResponse<byte[]> response = this.http.get("/fault.noisy");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("done");
	}

}
