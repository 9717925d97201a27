package io.functionruntime.apigw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static io.functionruntime.http.TestHttp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample gateway events of {@code docs/events} are what a handler gets through the
 * emulated API Gateway over real HTTP, but for the values that change with every call:
 * request and trace ids, times, the client's port.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "function-runtime.api-gateway.spec=classpath:apigw/samples.yaml")
@ActiveProfiles("apigw")
@Import(TestHttpConfiguration.class)
class GatewaySampleEventsTests {

	private static final Path DOCS = Path.of(System.getProperty("basedir", "."), "..", "docs");

	private static final List<String> CHANGING_HEADERS = List.of("Traceparent", "Uber-Trace-Id",
			"X-Real-Remote-Address", "X-Request-Id", "X-Trace-Id");

	private static final List<String> CHANGING_CONTEXT = List.of("requestId", "requestTime", "requestTimeEpoch");

	@Autowired
	TestHttp http;

	@Test
	void payloadFormat01SampleIsWhatTheHandlerGets() throws IOException {
		assertSample("events/apigw-0.1.json", this.http.raw("GET /users/42?verbose=1 HTTP/1.1\r\n"
				+ "Host: localhost:8080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\nAuthorization: Bearer token-1",
				new byte[0]));
	}

	@Test
	void payloadFormat10SampleIsWhatTheHandlerGets() throws IOException {
		byte[] body = "{\"qty\": 2}".getBytes(StandardCharsets.UTF_8);
		assertSample("events/apigw-1.0.json", this.http.raw("POST /v1/orders/o-7?dry=yes HTTP/1.1\r\n"
				+ "Host: localhost:8080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.length, body));
	}

	private static void assertSample(String name, TestHttp.RawResponse response) throws IOException {
		assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		JsonNode sample = JSON.readTree(Files.readString(DOCS.resolve(name)));
		ObjectNode event = (ObjectNode) JSON.readTree(response.body());
		for (String header : CHANGING_HEADERS) {
			((ObjectNode) event.get("headers")).set(header, sample.get("headers").get(header));
			((ObjectNode) event.get("multiValueHeaders")).set(header, sample.get("multiValueHeaders").get(header));
		}
		for (String field : CHANGING_CONTEXT) {
			((ObjectNode) event.get("requestContext")).set(field, sample.get("requestContext").get(field));
		}
		assertThat(sample).as("docs/%s must be the event the handler gets; write it as:%n%s", name,
				JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event))
			.isEqualTo(event);
	}

}
