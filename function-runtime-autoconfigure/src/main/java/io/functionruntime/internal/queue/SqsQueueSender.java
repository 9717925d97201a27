package io.functionruntime.internal.queue;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends messages through the SQS API, with one client for each endpoint of the queues it
 * was created for.
 */
public class SqsQueueSender implements QueueSender {

	private final Map<URI, SqsClient> clients = new LinkedHashMap<>();

	private final URI endpoint;

	/**
	 * Creates the clients of the queues.
	 * @param queueUrls every queue it may send to
	 * @param connection the connection, whose endpoint, when {@code null}, is taken from
	 * each queue URL
	 */
	public SqsQueueSender(Collection<String> queueUrls, QueueConnection connection) {
		this.endpoint = connection.endpoint();
		for (String queueUrl : queueUrls) {
			URI endpoint = endpointFor(queueUrl);
			this.clients.computeIfAbsent(endpoint, (key) -> new QueueConnection(key, connection.region(),
					connection.accessKeyId(), connection.secretAccessKey())
				.newClient());
		}
	}

	private URI endpointFor(String queueUrl) {
		return (this.endpoint != null) ? this.endpoint : QueueConnection.endpointOf(URI.create(queueUrl));
	}

	@Override
	public void send(String queueUrl, String body) {
		SqsClient client = this.clients.get(endpointFor(queueUrl));
		if (client == null) {
			throw new IllegalArgumentException("No queue " + queueUrl + " was configured");
		}
		client.sendMessage((request) -> request.queueUrl(queueUrl).messageBody(body));
	}

	@Override
	public void close() {
		this.clients.values().forEach(SqsClient::close);
	}

}
