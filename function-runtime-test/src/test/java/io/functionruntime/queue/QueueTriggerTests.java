package io.functionruntime.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.functionruntime.internal.metrics.QueueMetrics;
import io.functionruntime.test.LocalMessageQueue;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Message Queue triggers against a real SQS-compatible server in the JVM: a batch is one
 * call with the cloud's event and is deleted when the call succeeds; a failed batch comes
 * back after the visibility timeout and moves to the dead-letter queue after the redrive
 * count; a returned status 500 is a success.
 */
@SpringBootTest(classes = QueueFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=queue-tests", "management.endpoints.web.exposure.include=functions" })
@DirtiesContext
class QueueTriggerTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final LocalMessageQueue queues = QueueFunctions.queues;

	private static final String batchQueue = queues.createQueue("batch");

	private static final String shapeQueue = queues.createQueue("shape");

	private static final String deadLetterQueue = queues.createQueue("failing-dlq");

	private static final String failingQueue = queues.createQueue("failing", deadLetterQueue, 2);

	private static final String answers500Queue = queues.createQueue("answers500");

	private static final String restartQueue = queues.createQueue("restart");

	@Autowired
	QueueFunctions.Recorder recorder;

	@Autowired
	QueueFunctions.Failing failing;

	@Autowired
	QueueFunctions.Answers500 answers500;

	@Autowired
	MeterRegistry meterRegistry;

	@Autowired
	ConfigurableApplicationContext context;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void triggers(DynamicPropertyRegistry registry) {
		String prefix = "function-runtime.triggers.message-queues";
		registry.add("function-runtime.triggers.cloud-id", () -> "b1gtestcloud00000001");
		registry.add("function-runtime.triggers.folder-id", () -> "b1gtestfolder0000001");
		trigger(registry, prefix + "[batch]", "recorder.handler", batchQueue);
		registry.add(prefix + "[batch].batch-size", () -> "10");
		registry.add(prefix + "[batch].batch-cutoff", () -> "2s");
		trigger(registry, prefix + "[shape]", "recorder.handler", shapeQueue);
		registry.add(prefix + "[shape].batch-cutoff", () -> "0s");
		trigger(registry, prefix + "[failing]", "failing.handler", failingQueue);
		registry.add(prefix + "[failing].visibility-timeout", () -> "1s");
		trigger(registry, prefix + "[answers500]", "answers500.handler", answers500Queue);
		trigger(registry, prefix + "[restart]", "recorder.handler", restartQueue);
		registry.add(prefix + "[restart].visibility-timeout", () -> "1s");
	}

	private static void trigger(DynamicPropertyRegistry registry, String prefix, String function, String queueUrl) {
		registry.add(prefix + ".function", () -> function);
		registry.add(prefix + ".queue-url", () -> queueUrl);
		registry.add(prefix + ".access-key-id", () -> LocalMessageQueue.ACCESS_KEY_ID);
		registry.add(prefix + ".secret-access-key", () -> LocalMessageQueue.SECRET_ACCESS_KEY);
	}

	@Test
	void batchOfMessagesIsOneCallAndIsDeletedAfterIt() {
		List<SendMessageBatchRequestEntry> entries = IntStream.range(0, 5)
			.mapToObj((i) -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("batch " + i).build())
			.toList();
		queues.client().sendMessageBatch((request) -> request.queueUrl(batchQueue).entries(entries));
		await().atMost(PATIENCE).until(() -> eventsFrom("batch").size() == 1);
		JsonNode event = eventsFrom("batch").get(0);
		assertThat(event.get("messages").valueStream().map((message) -> message.at("/details/message/body").asString()))
			.containsExactlyInAnyOrder("batch 0", "batch 1", "batch 2", "batch 3", "batch 4");
		await().atMost(PATIENCE).until(() -> queues.messageCount(batchQueue) == 0);
		assertThat(eventsFrom("batch")).hasSize(1);
	}

	@Test
	void eventIsTheCloudsQueueMessage() {
		queues.client()
			.sendMessage((request) -> request.queueUrl(shapeQueue)
				.messageBody("{\"order\": 42}")
				.messageAttributes(Map.of("kind",
						MessageAttributeValue.builder().dataType("String").stringValue("order").build(), "count",
						MessageAttributeValue.builder().dataType("Number").stringValue("3").build(), "blob",
						MessageAttributeValue.builder()
							.dataType("Binary")
							.binaryValue(SdkBytes.fromUtf8String("hi"))
							.build())));
		await().atMost(PATIENCE).until(() -> eventsFrom("shape").size() == 1);
		JsonNode message = eventsFrom("shape").get(0).get("messages").get(0);
		assertThat(message.propertyNames()).containsExactly("event_metadata", "details");
		JsonNode metadata = message.get("event_metadata");
		assertThat(metadata.propertyNames()).containsExactly("event_id", "event_type", "created_at",
				"tracing_context", "cloud_id", "folder_id");
		assertThat(metadata.get("event_type").asString()).isEqualTo("yandex.cloud.events.messagequeue.QueueMessage");
		assertThat(metadata.get("created_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
		assertThat(metadata.get("tracing_context").isNull()).isTrue();
		assertThat(metadata.get("cloud_id").asString()).isEqualTo("b1gtestcloud00000001");
		assertThat(metadata.get("folder_id").asString()).isEqualTo("b1gtestfolder0000001");
		JsonNode details = message.get("details");
		assertThat(details.get("queue_id").asString()).isEqualTo("yrn:yc:ymq:ru-central1:b1gtestfolder0000001:shape");
		JsonNode body = details.get("message");
		assertThat(body.propertyNames()).containsExactly("message_id", "md5_of_body", "body", "attributes",
				"message_attributes", "md5_of_message_attributes");
		assertThat(body.get("message_id").asString()).isEqualTo(metadata.get("event_id").asString());
		assertThat(body.get("body").asString()).isEqualTo("{\"order\": 42}");
		assertThat(body.get("md5_of_body").asString()).matches("[0-9a-f]{32}");
		assertThat(body.get("attributes").propertyNames()).containsExactly("ApproximateFirstReceiveTimestamp",
				"ApproximateReceiveCount", "SenderId", "SentTimestamp");
		assertThat(body.at("/attributes/ApproximateReceiveCount").isString()).isTrue();
		assertThat(body.at("/attributes/ApproximateReceiveCount").asString()).isEqualTo("1");
		assertThat(body.at("/message_attributes/kind/data_type").asString()).isEqualTo("String");
		assertThat(body.at("/message_attributes/kind/string_value").asString()).isEqualTo("order");
		assertThat(body.at("/message_attributes/count/data_type").asString()).isEqualTo("Number");
		assertThat(body.at("/message_attributes/count/string_value").asString()).isEqualTo("3");
		assertThat(body.at("/message_attributes/blob/binary_value").asString()).isEqualTo("aGk=");
		assertThat(body.get("md5_of_message_attributes").asString()).matches("[0-9a-f]{32}");
	}

	@Test
	void failedBatchComesBackAfterTheVisibilityTimeoutThenMovesToTheDeadLetterQueue() {
		queues.client().sendMessage((request) -> request.queueUrl(failingQueue).messageBody("poison"));
		await().atMost(PATIENCE).until(() -> queues.messageCount(deadLetterQueue) == 1);
		assertThat(this.failing.calls.get()).as("received twice, then moved by the redrive policy").isEqualTo(2);
		assertThat(this.meterRegistry.get(QueueMetrics.BATCHES)
			.tags("trigger", "failing", "function", "failing.handler", "outcome", "failure")
			.functionCounter()
			.count()).isEqualTo(2);
		assertThat(queues.client()
			.receiveMessage((request) -> request.queueUrl(deadLetterQueue).waitTimeSeconds(1))
			.messages()).extracting((message) -> message.body()).containsExactly("poison");
	}

	@Test
	void returnedStatus500IsASuccessAndDeletesTheBatch() {
		int before = this.answers500.calls.get();
		queues.client().sendMessage((request) -> request.queueUrl(answers500Queue).messageBody("any"));
		await().atMost(PATIENCE).until(() -> this.answers500.calls.get() > before);
		await().atMost(PATIENCE).until(() -> queues.messageCount(answers500Queue) == 0);
	}

	/**
	 * A stopped context starts again with its triggers polling, as Spring's test context
	 * cache does when it pauses a context and takes it up again. Stopping cuts the long
	 * poll off, which the server may still answer with the message: it comes back after
	 * the trigger's one-second visibility timeout.
	 */
	@Test
	void triggerPollsAgainAfterTheContextIsStoppedAndStarted() {
		this.context.stop();
		this.context.start();
		queues.client().sendMessage((request) -> request.queueUrl(restartQueue).messageBody("after restart"));
		await().atMost(PATIENCE).until(() -> eventsFrom("restart").size() == 1);
		assertThat(eventsFrom("restart").get(0).at("/messages/0/details/message/body").asString())
			.isEqualTo("after restart");
		await().atMost(PATIENCE).until(() -> queues.messageCount(restartQueue) == 0);
	}

	@Test
	void functionsEndpointAndMetricsShowEachTriggersState() {
		queues.client().sendMessage((request) -> request.queueUrl(answers500Queue).messageBody("seen"));
		await().atMost(PATIENCE).until(() -> queues.messageCount(answers500Queue) == 0 && this.answers500.calls.get() > 0);
		JsonNode functions = JsonMapper.shared()
			.readTree(AsyncHttp.get(this.port, "/actuator/functions").body());
		JsonNode trigger = functions.get("messageQueueTriggers")
			.valueStream()
			.filter((candidate) -> candidate.get("name").asString().equals("answers500"))
			.findFirst()
			.orElseThrow();
		assertThat(trigger.get("function").asString()).isEqualTo("answers500.handler");
		assertThat(trigger.get("queueUrl").asString()).isEqualTo(answers500Queue);
		assertThat(trigger.get("polling").asBoolean()).isTrue();
		assertThat(trigger.get("batches").asLong()).isPositive();
		assertThat(trigger.get("failedBatches").asLong()).isZero();
		assertThat(trigger.get("lastBatchSize").asInt()).isEqualTo(1);
		assertThat(trigger.get("lastBatchAt").isNull()).isFalse();
		assertThat(functions.at("/async/bufferSize").asInt()).isEqualTo(1000);
		assertThat(this.meterRegistry.get(QueueMetrics.POLLING).tags("trigger", "answers500").gauge().value())
			.isEqualTo(1);
		assertThat(this.meterRegistry.get(QueueMetrics.MESSAGES).tags("trigger", "answers500").functionCounter().count())
			.isPositive();
	}

	private List<JsonNode> eventsFrom(String queueName) {
		return this.recorder.events.stream()
			.filter((event) -> event.at("/messages/0/details/queue_id").asString().endsWith(":" + queueName))
			.toList();
	}

}
