package io.functionruntime.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * Calls a running server over HTTP/1.1 with the JDK's client. The base URI is asked for on
 * every call, so that a random port can be learnt once the server has started.
 */
final class ServerTransport implements Transport {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final Supplier<String> baseUri;

	private final JsonMapper jsonMapper;

	ServerTransport(Supplier<String> baseUri, JsonMapper jsonMapper) {
		this.baseUri = baseUri;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public FunctionResult exchange(FunctionRequest request) {
		String query = request.query().isEmpty() ? "" : "?" + request.query();
		HttpRequest.Builder http = HttpRequest
			.newBuilder(URI.create(this.baseUri.get() + request.path() + query))
			.method(request.method(),
					(request.body() != null) ? BodyPublishers.ofByteArray(request.body()) : BodyPublishers.noBody());
		request.headers().forEach((name, values) -> values.forEach((value) -> http.header(name, value)));
		try {
			HttpResponse<byte[]> response = CLIENT.send(http.build(), BodyHandlers.ofByteArray());
			HttpHeaders headers = new HttpHeaders();
			response.headers().map().forEach(headers::addAll);
			return new FunctionResult(response.statusCode(), headers, response.body(), this.jsonMapper);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Calling " + request.path() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling " + request.path(), ex);
		}
	}

	@Override
	public String toString() {
		return this.baseUri.get();
	}

}
