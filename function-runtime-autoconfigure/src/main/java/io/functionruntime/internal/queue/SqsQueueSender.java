package io.functionruntime.internal.queue;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends messages through the SQS API, with one client for each endpoint of the queues it
 * was created for, made at the first message to that endpoint: building an SDK client
 * takes a good part of a second of a cold JVM, which a start should not pay for queues
 * that may never get a message.
 */
public class SqsQueueSender implements QueueSender {

	private final Map<URI, QueueConnection> connections = new LinkedHashMap<>();

	private final Map<URI, SqsClient> clients = new ConcurrentHashMap<>();

	private final URI endpoint;

	/**
	 * Prepares the connections of the queues.
	 * @param queueUrls every queue it may send to
	 * @param connection the connection, whose endpoint, when {@code null}, is taken from
	 * each queue URL
	 */
	public SqsQueueSender(Collection<String> queueUrls, QueueConnection connection) {
		this.endpoint = connection.endpoint();
		for (String queueUrl : queueUrls) {
			URI endpoint = endpointFor(queueUrl);
			this.connections.computeIfAbsent(endpoint, (key) -> new QueueConnection(key, connection.region(),
					connection.accessKeyId(), connection.secretAccessKey()));
		}
	}

	private URI endpointFor(String queueUrl) {
		return (this.endpoint != null) ? this.endpoint : QueueConnection.endpointOf(URI.create(queueUrl));
	}

	@Override
	public void send(String queueUrl, String body) {
		URI endpoint = endpointFor(queueUrl);
		QueueConnection connection = this.connections.get(endpoint);
		if (connection == null) {
			throw new IllegalArgumentException("No queue " + queueUrl + " was configured");
		}
		this.clients.computeIfAbsent(endpoint, (key) -> connection.newClient()).sendMessage((request) -> request.queueUrl(queueUrl).messageBody(body));
	}

	@Override
	public void close() {
		this.clients.values().forEach(SqsClient::close);
	}

}
