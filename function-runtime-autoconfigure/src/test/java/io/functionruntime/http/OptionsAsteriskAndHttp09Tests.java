package io.functionruntime.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that name no function in HTTP/1.x: {@code OPTIONS *}, which Tomcat answers
 * itself, and HTTP/0.9 simple requests, whose answer could carry no header. The default
 * function counts its calls, so that a test sees that none of them reaches it.
 */
@HttpTest(properties = "function-runtime.default-function=fault.counted")
class OptionsAsteriskAndHttp09Tests {

	@Autowired
	TestHttp http;

	@Test
	void requestToTheDefaultFunctionIsCounted() throws IOException {
		int before = TestFunctions.Faulty.calls.get();
		TestHttp.RawResponse response = this.http.raw("GET / HTTP/1.1\r\nHost: x\r\nConnection: close", new byte[0]);
		assertThat(response.status()).isEqualTo(200);
		assertThat(TestFunctions.Faulty.calls.get() - before).isEqualTo(1);
	}

	@Test
	void optionsAsteriskIsTomcatsAnswerWithARequestId() throws IOException {
		TestHttp.RawResponse response = this.http.raw("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close",
				new byte[0]);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Allow")).isEqualTo("GET, HEAD, POST, PUT, DELETE, OPTIONS");
		assertThat(response.header("X-Request-Id"))
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(response.header("Content-Length")).isEqualTo("0");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void optionsAsteriskCallsNoFunction() throws IOException {
		int before = TestFunctions.Faulty.calls.get();
		this.http.raw("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close", new byte[0]);
		assertThat(TestFunctions.Faulty.calls.get()).isEqualTo(before);
	}

	@Test
	void optionsAsteriskGetsANewRequestIdEachTime() throws IOException {
		String first = this.http.raw("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close", new byte[0])
			.header("X-Request-Id");
		String second = this.http.raw("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close", new byte[0])
			.header("X-Request-Id");
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void otherMethodOnAsteriskIsTheRuntimesJsonError() throws IOException {
		int before = TestFunctions.Faulty.calls.get();
		BadInputTests.assertJsonError(this.http.raw("GET * HTTP/1.1\r\nHost: x\r\nConnection: close", new byte[0]),
				400, "BadRequest");
		assertThat(TestFunctions.Faulty.calls.get()).isEqualTo(before);
	}

	@Test
	void http09RequestToAFunctionIsClosedWithoutAnAnswer() throws IOException {
		assertThat(this.http.exchange("GET /fault.counted\r\n")).isEmpty();
	}

	@Test
	void http09RequestToAFunctionCallsNoFunction() throws IOException {
		int before = TestFunctions.Faulty.calls.get();
		this.http.exchange("GET /fault.counted\r\n");
		assertThat(TestFunctions.Faulty.calls.get()).isEqualTo(before);
	}

	@Test
	void http09RequestToTheDefaultFunctionIsClosedWithoutAnAnswer() throws IOException {
		int before = TestFunctions.Faulty.calls.get();
		assertThat(new String(this.http.exchange("GET /\r\n"), StandardCharsets.ISO_8859_1)).isEmpty();
		assertThat(TestFunctions.Faulty.calls.get()).isEqualTo(before);
	}

}
