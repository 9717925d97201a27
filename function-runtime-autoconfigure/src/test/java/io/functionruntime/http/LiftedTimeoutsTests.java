package io.functionruntime.http;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code function-runtime.lift-timeouts}, a call paused longer than its function's
 * timeout (200 ms), as in a debugger, is still answered by its handler; without it the same
 * call is answered 504 ({@code ErrorResponsesTests.callPausedPastItsTimeoutIs504}).
 */
@HttpTest(properties = "function-runtime.lift-timeouts=true")
class LiftedTimeoutsTests {

	@Autowired
	TestHttp http;

	@Test
	void callPausedPastItsTimeoutIsAnsweredByTheHandler() {
		HttpResponse<byte[]> response = this.http.get("/debug.pause?ms=600");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("resumed");
	}

}
