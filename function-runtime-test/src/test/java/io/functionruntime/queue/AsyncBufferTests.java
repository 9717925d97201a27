package io.functionruntime.queue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.functionruntime.test.LocalMessageQueue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asynchronous calls that find every worker busy wait in the buffer; a full buffer is
 * answered 429; at shutdown, the calls still buffered when the grace period ends, and the
 * one cut short, go to the failure queue: nothing accepted is lost.
 */
class AsyncBufferTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final LocalMessageQueue queues = QueueFunctions.queues;

	@Test
	void fullBufferIsAnswered429AndBufferedCallsRunOnceAWorkerIsFree() throws Exception {
		String success = queues.createQueue("buffer-success");
		try (ConfigurableApplicationContext context = start(success, queues.createQueue("buffer-failure"), "30s")) {
			QueueFunctions.Held held = context.getBean(QueueFunctions.Held.class);
			int port = port(context);
			assertThat(post(port, "first").statusCode()).isEqualTo(202);
			assertThat(held.entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(post(port, "buffered").statusCode()).isEqualTo(202);
			HttpResponse<String> refused = post(port, "refused");
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("X-Request-Id")).isPresent();
			JsonNode error = JsonMapper.shared().readTree(refused.body());
			assertThat(error.get("errorType").asString()).isEqualTo("TooManyRequests");
			assertThat(error.get("errorMessage").asString()).contains("function-runtime.async.buffer-size");
			held.release.countDown();
			List<Message> results = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				results.addAll(AsyncHttp.take(queues, success));
				return results.size() == 2;
			});
			assertThat(held.events).extracting(JsonNode::asString).containsExactly("first", "buffered");
		}
	}

	@Test
	void callsLeftAtTheEndOfTheGracePeriodGoToTheFailureQueue() throws Exception {
		String failure = queues.createQueue("shutdown-failure");
		ConfigurableApplicationContext context = start(queues.createQueue("shutdown-success"), failure, "500ms");
		QueueFunctions.Held held = context.getBean(QueueFunctions.Held.class);
		int port = port(context);
		assertThat(post(port, "running").statusCode()).isEqualTo(202);
		assertThat(held.entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(post(port, "buffered").statusCode()).isEqualTo(202);
		try {
			context.close();
		}
		finally {
			held.release.countDown();
		}
		List<Message> errors = new ArrayList<>();
		await().atMost(PATIENCE).until(() -> {
			errors.addAll(AsyncHttp.take(queues, failure));
			return errors.size() == 2;
		});
		assertThat(errors).extracting((message) -> JsonMapper.shared().readTree(message.body()).get("errorType")
			.asString()).containsExactlyInAnyOrder("InterruptedException", "ServiceUnavailable");
		assertThat(held.calls.get()).isEqualTo(1);
	}

	private static HttpResponse<String> post(int port, String body) {
		return AsyncHttp.post(port, "/held.handler?integration=async", "\"" + body + "\"");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static ConfigurableApplicationContext start(String success, String failure, String gracePeriod) {
		String function = "--function-runtime.functions[held.handler].";
		return new SpringApplicationBuilder(QueueFunctions.class).run("--server.port=0",
				"--spring.config.name=queue-tests", "--spring.lifecycle.timeout-per-shutdown-phase=" + gracePeriod,
				"--function-runtime.async.workers=1", "--function-runtime.async.buffer-size=1",
				"--function-runtime.async.access-key-id=" + LocalMessageQueue.ACCESS_KEY_ID,
				"--function-runtime.async.secret-access-key=" + LocalMessageQueue.SECRET_ACCESS_KEY,
				function + "async-success-queue-url=" + success, function + "async-failure-queue-url=" + failure);
	}

}
