package io.functionruntime.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.functionruntime.test.LocalMessageQueue;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as configured, with its own queue server: an order sent to the orders queue
 * is taken and deleted; an asynchronous call of main.handler is answered 202 and its
 * result lands in async-results.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleQueuesTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	LocalMessageQueue queues;

	@Value("${sample.local-queue.url}")
	String queueUrl;

	@LocalServerPort
	int port;

	@Test
	void orderIsTakenByTheTriggerAndDeleted() {
		String orders = this.queueUrl + "/orders";
		this.queues.client().sendMessage((request) -> request.queueUrl(orders).messageBody("{\"item\": \"tea\"}"));
		await().atMost(PATIENCE).until(() -> this.queues.messageCount(orders) == 0);
	}

	@Test
	void asyncCallIsAnswered202AndItsResultLandsInAsyncResults() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/main.handler?integration=async"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"test\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(202);
		List<Message> results = new ArrayList<>();
		await().atMost(PATIENCE)
			.until(() -> results.addAll(this.queues.client()
				.receiveMessage((request) -> request.queueUrl(this.queueUrl + "/async-results").waitTimeSeconds(1))
				.messages()));
		assertThat(JsonMapper.shared().readTree(results.get(0).body()).get("statusCode").asInt()).isEqualTo(200);
		assertThat(results.get(0).body()).contains("test");
	}

}
