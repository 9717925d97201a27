package io.functionruntime.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.web.FatalErrorGuard;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle and slow clients cannot take the server down or starve other callers, on a server
 * made small for the test: four request threads, twenty connections, a one-second
 * connection timeout and a two-second body-read timeout.
 */
@HttpTest(properties = { "server.tomcat.threads.max=4", "server.tomcat.max-connections=20",
		"server.tomcat.connection-timeout=1s", "function-runtime.body-read-timeout=2s",
		"function-runtime.functions[echo.string].timeout=300ms", "function-runtime.exit-on-fatal-error=false",
		"management.endpoint.health.probes.enabled=true" })
class SlowAndIdleClientsTests {

	@Autowired
	TestHttp http;

	@Autowired
	FunctionInvoker invoker;

	@Autowired
	FatalErrorGuard fatalErrorGuard;

	@Autowired
	ApplicationEventPublisher events;

	@Value("${local.server.port}")
	int port;

	@Test
	void slowUploadsHoldNoRequestThread() throws IOException {
		List<Socket> uploads = new ArrayList<>();
		try {
			for (int i = 0; i < 12; i++) {
				uploads.add(startUpload("/echo.event", 1000, 10));
			}
			HttpResponse<byte[]> call = this.http.postJson("/echo.event", "{\"a\":1}");
			assertThat(call.statusCode()).isEqualTo(200);
			for (Socket upload : uploads) {
				TestHttp.RawResponse answer = TestHttp.RawResponse.read(upload.getInputStream(), false);
				assertThat(answer.status()).isEqualTo(408);
				assertThat(answer.json().get("errorType").asString()).isEqualTo("RequestTimeout");
				assertThat(answer.header("X-Request-Id")).isNotBlank();
				assertThat(answer.header("Connection")).isEqualTo("close");
			}
		}
		finally {
			for (Socket upload : uploads) {
				upload.close();
			}
		}
	}

	@Test
	void idleConnectionsDoNotStarveCalls() throws IOException {
		List<Socket> idle = new ArrayList<>();
		try {
			for (int i = 0; i < 40; i++) {
				Socket socket = new Socket();
				socket.connect(new java.net.InetSocketAddress("127.0.0.1", this.port), 20_000);
				idle.add(socket);
			}
			HttpResponse<byte[]> call = this.http.postJson("/echo.event", "{\"a\":1}");
			assertThat(call.statusCode()).isEqualTo(200);
		}
		finally {
			for (Socket socket : idle) {
				socket.close();
			}
		}
	}

	@Test
	void timeSpentReceivingTheBodyDoesNotCountAgainstTheFunction() throws Exception {
		try (Socket upload = startUpload("/echo.string?integration=raw", 8, 4)) {
			// The client's pause is the stimulus, longer than the function's 300 ms timeout: a
			// slower machine only lengthens it, so the outcome cannot depend on the machine.
			Thread.sleep(600);
			OutputStream out = upload.getOutputStream();
			out.write("5678".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			TestHttp.RawResponse answer = TestHttp.RawResponse.read(upload.getInputStream(), false);
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.json().get("body").asString()).isEqualTo("12345678");
		}
		assertThat(this.invoker.state("echo.string").retired()).isZero();
	}

	@Test
	void fatalErrorOfAThreadBreaksLiveness() {
		assertThat(this.http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		try {
			this.fatalErrorGuard.uncaughtException(new Thread("http-nio-Poller"),
					new OutOfMemoryError("simulated: Java heap space"));
			HttpResponse<byte[]> liveness = this.http.get("/actuator/health/liveness");
			assertThat(liveness.statusCode()).isEqualTo(503);
			assertThat(TestHttp.json(liveness).get("status").asString()).isEqualTo("DOWN");
		}
		finally {
			AvailabilityChangeEvent.publish(this.events, this, LivenessState.CORRECT);
		}
	}

	/** Opens a connection that sends the headers and the first bytes of a body, then waits. */
	private Socket startUpload(String path, int declared, int sent) throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(20_000);
		OutputStream out = socket.getOutputStream();
		String head = "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: " + declared
				+ "\r\n\r\n";
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		out.write("1234567890".substring(0, sent).getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

}
