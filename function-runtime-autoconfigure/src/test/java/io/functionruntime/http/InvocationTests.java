package io.functionruntime.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One instance runs one call at a time, and every call is logged START / END / REPORT
 * (SPEC §8, §9).
 */
@HttpTest
@ExtendWith(OutputCaptureExtension.class)
class InvocationTests {

	@Autowired
	TestHttp http;

	@Test
	void singleInstanceNeverRunsTheHandlerTwiceAtOnceAndLosesNoUpdate() throws Exception {
		int calls = 8;
		ExecutorService clients = Executors.newFixedThreadPool(calls);
		try {
			List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				responses.add(clients.submit(() -> this.http.get("/guarded.handler")));
			}
			List<String> bodies = new ArrayList<>();
			for (Future<HttpResponse<byte[]>> response : responses) {
				assertThat(response.get().statusCode()).isEqualTo(200);
				bodies.add(TestHttp.text(response.get()));
			}
			assertThat(bodies).allSatisfy((body) -> assertThat(body).endsWith("/1"));
			assertThat(bodies.stream().map((body) -> Integer.parseInt(body.split("/")[0])))
				.containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void everyCallIsLoggedStartEndReportWithItsRequestId(CapturedOutput output) {
		HttpResponse<byte[]> response = this.http.get("/echo.event");
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		String version = "d4etestversion000001";
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("REPORT RequestID: " + requestId));
		assertThat(output.getOut()).contains("function-runtime.router")
			.contains("START RequestID: " + requestId + " Version: " + version)
			.contains("END RequestID: " + requestId);
		Matcher report = Pattern
			.compile("REPORT RequestID: " + requestId + " Duration: (\\d+\\.\\d{3}) ms Billed Duration: (\\d+) ms "
					+ "Memory Size: 256 MB Max Memory Used: \\d+ MB Queuing Duration: \\d+\\.\\d{3} ms")
			.matcher(output.getOut());
		assertThat(report.find()).isTrue();
		double duration = Double.parseDouble(report.group(1));
		assertThat(Long.parseLong(report.group(2))).isEqualTo((long) Math.ceil(duration / 100) * 100);
	}

	@Test
	void requestIdAndFunctionNameAreInTheMdcWhileTheHandlerRuns() {
		HttpResponse<byte[]> response = this.http.get("/echo.mdc");
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(TestHttp.text(response)).isEqualTo(requestId + " echo.mdc");
	}

	@Test
	void asyncContinuationsOnTheContextsExecutorSeeTheSameMdc() {
		HttpResponse<byte[]> response = this.http.get("/echo.mdcAsync");
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(TestHttp.text(response)).isEqualTo(requestId + " " + requestId + " echo.mdcAsync true");
	}

	@Test
	void handlerErrorIsLoggedOnceWithItsRequestIdAndStackTrace(CapturedOutput output) {
		HttpResponse<byte[]> response = this.http.get("/fail.sync?message=logged-once");
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		String log = output.getOut() + output.getErr();
		assertThat(log).containsOnlyOnce("Function fail.sync failed, RequestID: " + requestId)
			.containsOnlyOnce("java.lang.IllegalStateException: logged-once");
	}

}
