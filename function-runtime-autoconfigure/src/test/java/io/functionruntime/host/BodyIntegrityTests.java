package io.functionruntime.host;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function's body arrives byte for byte, whatever the method, the content type, the
 * size (up to the event limit) and the framing: Spring MVC parses or consumes none of
 * them first, in an application whose own controllers keep their form and multipart
 * support.
 */
@HostTest
class BodyIntegrityTests {

	private static final String[] METHODS = { "POST", "PUT", "PATCH", "DELETE", "GET" };

	private static final String[] CONTENT_TYPES = { "application/json", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=XyZ", "multipart/mixed; boundary=XyZ", "text/plain; charset=utf-8",
			"application/octet-stream", null };

	/** Sizes up to one whose Base64 event is close to the 3.5 MiB limit. */
	private static final int[] SIZES = { 0, 1_000, 200_000, 2_400_000 };

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Value("${local.server.port}")
	int port;

	@Test
	void bodyWithContentLengthArrivesIntact() {
		assertThat(sendMatrix("body.digest", Framing.LENGTH)).isEqualTo(140);
	}

	@Test
	void chunkedBodyArrivesIntact() {
		assertThat(sendMatrix("body.digest", Framing.CHUNKED)).isEqualTo(140);
	}

	@Test
	void bodyAfterExpectContinueArrivesIntact() {
		assertThat(sendMatrix("body.digest", Framing.EXPECT_CONTINUE)).isEqualTo(140);
	}

	@Test
	void rawModeBodyArrivesIntact() {
		assertThat(sendMatrix("raw.digest?integration=raw", Framing.LENGTH)).isEqualTo(140);
	}

	/** Sends every method, content type and size once; returns how many arrived intact. */
	private int sendMatrix(String route, Framing framing) {
		int intact = 0;
		List<String> failures = new ArrayList<>();
		for (String method : METHODS) {
			for (String contentType : CONTENT_TYPES) {
				for (int size : SIZES) {
					byte[] body = body(contentType, size);
					String combination = method + " " + contentType + " " + size + " bytes " + framing;
					String answer = send(route, method, contentType, body, framing);
					String expected = "200 " + body.length + " " + HostApplication.sha256(body);
					if (answer.equals(expected)) {
						intact++;
					}
					else {
						failures.add(combination + ": " + answer);
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		return intact;
	}

	private String send(String route, String method, String contentType, byte[] body, Framing framing) {
		HttpRequest.BodyPublisher publisher = (framing == Framing.CHUNKED)
				? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
				: HttpRequest.BodyPublishers.ofByteArray(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/" + route))
			.timeout(Duration.ofSeconds(30))
			.expectContinue(framing == Framing.EXPECT_CONTINUE)
			.method(method, publisher);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() + " " + response.body();
		}
		catch (IOException ex) {
			return "no answer: " + ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A body of the given type and exact size: JSON text, a form with a malformed escape, a
	 * multipart document, UTF-8 text, or random bytes.
	 */
	private static byte[] body(String contentType, int size) {
		if (size == 0) {
			return new byte[0];
		}
		String type = (contentType != null) ? contentType : "";
		String prefix;
		if (type.startsWith("application/json")) {
			prefix = "{\"k\":\"";
		}
		else if (type.startsWith("application/x-www-form")) {
			prefix = "a=b&c=%zz&d=";
		}
		else if (type.startsWith("multipart/")) {
			prefix = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n\r\n";
		}
		else if (type.startsWith("text/")) {
			prefix = "привет, ";
		}
		else {
			prefix = "";
		}
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
		if (type.startsWith("application/json")) {
			for (int i = head.length; i < size; i++) {
				bytes[i] = (byte) ('a' + (bytes[i] & 0x0f));
			}
		}
		return bytes;
	}

	private enum Framing {

		LENGTH, CHUNKED, EXPECT_CONTINUE

	}

}
