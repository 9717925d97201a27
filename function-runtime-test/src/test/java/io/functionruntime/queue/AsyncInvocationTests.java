package io.functionruntime.queue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.functionruntime.test.LocalMessageQueue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ?integration=async} over real HTTP, with the results in a real SQS-compatible
 * queue: 202 at once, the raw body as the event, the result in the success queue; a
 * failing call tried again as configured, then its error in the failure queue.
 */
@SpringBootTest(classes = QueueFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=queue-tests")
@DirtiesContext
class AsyncInvocationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final LocalMessageQueue queues = QueueFunctions.queues;

	private static final String successQueue = queues.createQueue("async-success");

	private static final String failureQueue = queues.createQueue("async-failure");

	@LocalServerPort
	int port;

	@Autowired
	QueueFunctions.Recorder recorder;

	@Autowired
	QueueFunctions.Failing failing;

	@Autowired
	ConfigurableApplicationContext context;

	@DynamicPropertySource
	static void destinations(DynamicPropertyRegistry registry) {
		registry.add("function-runtime.async.access-key-id", () -> LocalMessageQueue.ACCESS_KEY_ID);
		registry.add("function-runtime.async.secret-access-key", () -> LocalMessageQueue.SECRET_ACCESS_KEY);
		registry.add("function-runtime.functions[recorder.handler].async-success-queue-url", () -> successQueue);
		registry.add("function-runtime.functions[failing.handler].async-retries", () -> "2");
		registry.add("function-runtime.functions[failing.handler].async-retry-delay", () -> "100ms");
		registry.add("function-runtime.functions[failing.handler].async-failure-queue-url", () -> failureQueue);
	}

	@Test
	void asyncCallIsAnswered202AtOnceAndItsResultGoesToTheSuccessQueue() {
		HttpResponse<String> response = AsyncHttp.post(this.port, "/recorder.handler?integration=async",
				"{\"name\":\"test\"}");
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEmpty();
		assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(
				(id) -> assertThat(id).matches("[0-9a-f-]{36}"));
		List<Message> results = new ArrayList<>();
		await().atMost(PATIENCE).until(() -> results.addAll(AsyncHttp.take(queues, successQueue)));
		assertThat(results).extracting(Message::body).containsExactly("{\"name\":\"test\"}");
		assertThat(this.recorder.events).extracting((event) -> event.get("name").asString()).contains("test");
	}

	/**
	 * A stopped context takes asynchronous calls again once started, as Spring's test
	 * context cache does when it pauses a context and takes it up again; its web server
	 * listens on a new port then.
	 */
	@Test
	void asyncCallsAreTakenAgainAfterTheContextIsStoppedAndStarted() {
		this.context.stop();
		this.context.start();
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		HttpResponse<String> response = AsyncHttp.post(port, "/recorder.handler?integration=async",
				"{\"name\":\"after restart\"}");
		assertThat(response.statusCode()).isEqualTo(202);
		List<Message> results = new ArrayList<>();
		await().atMost(PATIENCE).until(() -> {
			results.addAll(AsyncHttp.take(queues, successQueue));
			return results.stream().anyMatch((message) -> message.body().contains("after restart"));
		});
	}

	@Test
	void failingCallIsTriedAgainAsConfiguredThenItsErrorGoesToTheFailureQueue() {
		int before = this.failing.calls.get();
		HttpResponse<String> response = AsyncHttp.post(this.port, "/failing.handler?integration=async", "{}");
		assertThat(response.statusCode()).isEqualTo(202);
		List<Message> errors = new ArrayList<>();
		await().atMost(PATIENCE).until(() -> errors.addAll(AsyncHttp.take(queues, failureQueue)));
		assertThat(this.failing.calls.get() - before).as("the call and its 2 retries").isEqualTo(3);
		assertThat(errors).hasSize(1);
		JsonNode error = JsonMapper.shared().readTree(errors.get(0).body());
		assertThat(error.get("errorMessage").asString()).isEqualTo("failing on purpose");
		assertThat(error.get("errorType").asString()).isEqualTo("IllegalStateException");
		assertThat(error.get("stackTrace").isArray()).isTrue();
	}

	@Test
	void callWithoutIntegrationAsyncIsStillSynchronous() {
		HttpResponse<String> response = AsyncHttp.post(this.port, "/failing.handler", "{}");
		assertThat(response.statusCode()).isEqualTo(502);
	}

}
