package io.functionruntime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP client for the tests: ordinary calls through the JDK client, and calls written
 * byte for byte on a socket for what that client will not send.
 */
public final class TestHttp {

	public static final JsonMapper JSON = JsonMapper.shared();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	public TestHttp(int port) {
		this.port = port;
	}

	public HttpResponse<byte[]> get(String path) {
		return send("GET", path, null, null);
	}

	public HttpResponse<byte[]> postJson(String path, String json) {
		return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	public HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	public static JsonNode json(HttpResponse<byte[]> response) {
		return JSON.readTree(response.body());
	}

	/**
	 * Asserts that a response is a 200, naming its body when it is not, and returns the
	 * body as JSON.
	 * @param response the response
	 * @return the body
	 */
	public static JsonNode okJson(HttpResponse<byte[]> response) {
		assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
		return json(response);
	}

	/**
	 * Asserts that a response is the runtime's JSON error, and returns its body.
	 * @param response the response
	 * @param status the expected status
	 * @param errorType the expected {@code errorType}
	 * @return the error body
	 */
	public static JsonNode errorBody(HttpResponse<byte[]> response, int status, String errorType) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		JsonNode body = json(response);
		assertThat(body.get("errorType").asString()).isEqualTo(errorType);
		return body;
	}

	/**
	 * Writes a request as given and reads one response.
	 * @param head the request line and headers, lines separated by CRLF, without the blank line
	 * @param body the body bytes to send after the head, possibly only part of a larger one
	 * @return the response
	 */
	public RawResponse raw(String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return RawResponse.read(socket.getInputStream(), head.startsWith("HEAD "));
		}
	}

	/**
	 * Writes bytes as given and reads everything the server sends until it closes the
	 * connection, for requests that may get no HTTP/1.x answer at all.
	 * @param request the bytes to send
	 * @return the bytes received, empty when the server closed without answering
	 */
	public byte[] exchange(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return socket.getInputStream().readAllBytes();
		}
	}

	/**
	 * A response read from a socket.
	 *
	 * @param status the status
	 * @param headers lower-case header name to values
	 * @param body the body
	 */
	public record RawResponse(int status, Map<String, List<String>> headers, byte[] body) {

		static RawResponse read(InputStream in, boolean bodiless) throws IOException {
			String statusLine = line(in);
			int status = Integer.parseInt(statusLine.split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (String line = line(in); !line.isEmpty(); line = line(in)) {
				int colon = line.indexOf(':');
				headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
						(key) -> new ArrayList<>()).add(line.substring(colon + 1).trim());
			}
			int length = bodiless ? 0 : Integer.parseInt(headers.getOrDefault("content-length", List.of("0")).get(0));
			return new RawResponse(status, headers, in.readNBytes(length));
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("connection closed before the response ended");
				}
				if (c != '\r') {
					line.write(c);
				}
			}
			return line.toString(StandardCharsets.ISO_8859_1);
		}

		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? values.get(values.size() - 1) : null;
		}

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
