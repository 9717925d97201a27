package io.functionruntime.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.functionruntime.test.LocalMessageQueue;
import software.amazon.awssdk.services.sqs.model.Message;

/** Posts calls over real HTTP, and reads what the local queues hold. */
final class AsyncHttp {

	private static final HttpClient client = HttpClient.newHttpClient();

	private AsyncHttp() {
	}

	static HttpResponse<String> post(int port, String path, String body) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.build());
	}

	static HttpResponse<String> get(int port, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Receives and deletes what a queue holds now, waiting a second for a first message. */
	static List<Message> take(LocalMessageQueue queues, String queue) {
		List<Message> messages = queues.client()
			.receiveMessage((request) -> request.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
			.messages();
		messages.forEach((message) -> queues.client()
			.deleteMessage((request) -> request.queueUrl(queue).receiptHandle(message.receiptHandle())));
		return messages;
	}

}
