package io.functionruntime.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SQS-compatible message queue server (ElasticMQ) inside the JVM, on a free port of
 * {@code 127.0.0.1}: what the tests of queue triggers and asynchronous calls, and a local
 * run of an application, talk to instead of the cloud's Message Queue. It accepts any
 * access key. Needs {@code org.elasticmq:elasticmq-rest-sqs_2.13} and
 * {@code software.amazon.awssdk:sqs} on the class path.
 * <pre class="code">
 * try (LocalMessageQueue queues = LocalMessageQueue.start()) {
 *     String dlq = queues.createQueue("orders-dlq");
 *     String orders = queues.createQueue("orders", dlq, 3);
 *     // function-runtime.triggers.message-queues[orders].queue-url: the URL in orders
 * }
 * </pre>
 */
public final class LocalMessageQueue implements AutoCloseable {

	/** The access key id every client of the local queue may use; any other works too. */
	public static final String ACCESS_KEY_ID = "local";

	/** The secret access key every client of the local queue may use; any other works too. */
	public static final String SECRET_ACCESS_KEY = "local";

	private static final String HOST = "127.0.0.1";

	private static final int ATTEMPTS = 5;

	private final SQSRestServer server;

	private final URI endpoint;

	private final SqsClient client;

	private LocalMessageQueue(SQSRestServer server, int port) {
		this.server = server;
		this.endpoint = URI.create("http://" + HOST + ":" + port);
		this.client = SqsClient.builder()
			.endpointOverride(this.endpoint)
			.region(Region.of("ru-central1"))
			.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
			.build();
	}

	/**
	 * Starts a server on a free port and waits until it listens. A port taken between its
	 * choice and the bind is chosen anew, a few times.
	 * @return the running server
	 */
	public static LocalMessageQueue start() {
		return start(0);
	}

	/**
	 * Starts a server on the given port, or on a free one when that is taken, and waits
	 * until it listens: a fixed port lets commands typed by hand reach it.
	 * @param preferredPort the port to try first, or {@code 0} for any free port
	 * @return the running server; {@link #endpoint()} tells its port
	 */
	public static LocalMessageQueue start(int preferredPort) {
		Exception last = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			int port = (attempt == 0 && preferredPort > 0) ? preferredPort : freePort();
			SQSRestServer server = null;
			try {
				server = SQSRestServerBuilder.withInterface(HOST)
					.withPort(port)
					.withServerAddress(new NodeAddress("http", HOST, port, ""))
					.withAWSRegion("ru-central1")
					.start();
				server.waitUntilStarted();
				return new LocalMessageQueue(server, port);
			}
			catch (Exception ex) { // a bind failure comes as a checked exception thrown from Scala
				last = ex;
				stopAfterFailure(server, ex);
			}
		}
		throw new IllegalStateException("The local message queue could not listen on a free port", last);
	}

	/** Stops a server that did not start; stopping it reports the bind failure again. */
	private static void stopAfterFailure(SQSRestServer server, Exception failure) {
		if (server == null) {
			return;
		}
		try {
			server.stopAndWait();
		}
		catch (Exception ex) {
			if (ex != failure) {
				failure.addSuppressed(ex);
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on " + HOST, ex);
		}
	}

	/** @return the endpoint of the server, such as {@code http://127.0.0.1:40123} */
	public URI endpoint() {
		return this.endpoint;
	}

	/** @return a client of the server, with the local access key; closed with the server */
	public SqsClient client() {
		return this.client;
	}

	/**
	 * Creates a standard queue, or finds it when it exists with the same attributes.
	 * @param name the queue's name
	 * @return the queue's URL
	 */
	public String createQueue(String name) {
		return createQueue(name, Map.of());
	}

	/**
	 * Creates a standard queue whose messages move to a dead-letter queue when they have
	 * been received more than {@code maxReceiveCount} times without being deleted.
	 * @param name the queue's name
	 * @param deadLetterQueueUrl the URL of the dead-letter queue, created before
	 * @param maxReceiveCount how many receives a message gets before it moves
	 * @return the queue's URL
	 */
	public String createQueue(String name, String deadLetterQueueUrl, int maxReceiveCount) {
		String arn = attribute(deadLetterQueueUrl, QueueAttributeName.QUEUE_ARN);
		return createQueue(name, Map.of(QueueAttributeName.REDRIVE_POLICY,
				"{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}"));
	}

	/**
	 * Creates a standard queue with the given attributes, such as
	 * {@link QueueAttributeName#VISIBILITY_TIMEOUT}.
	 * @param name the queue's name
	 * @param attributes the queue's attributes
	 * @return the queue's URL
	 */
	public String createQueue(String name, Map<QueueAttributeName, String> attributes) {
		return this.client.createQueue((request) -> request.queueName(name).attributes(attributes)).queueUrl();
	}

	/**
	 * Tells how many messages a queue holds: visible, in flight and delayed.
	 * @param queueUrl the queue's URL
	 * @return the approximate number of messages
	 */
	public int messageCount(String queueUrl) {
		GetQueueAttributesResponse attributes = this.client.getQueueAttributes((request) -> request
			.queueUrl(queueUrl)
			.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
					QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
					QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
		return attributes.attributes().values().stream().mapToInt(Integer::parseInt).sum();
	}

	private String attribute(String queueUrl, QueueAttributeName name) {
		return this.client.getQueueAttributes((request) -> request.queueUrl(queueUrl).attributeNames(name))
			.attributes()
			.get(name);
	}

	/** Stops the server and its client, waiting until the port is free. */
	@Override
	public void close() {
		this.client.close();
		this.server.stopAndWait();
	}

}
