package io.functionruntime.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cloud documentation's example end to end: the seed's curl call against
 * {@code main.handler} answers JSON with every key of the seed's output, each value of the
 * same kind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "function-runtime.token.source=static", "function-runtime.token.value=sample-iam-token" })
class SeedExampleTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	@LocalServerPort
	int port;

	@Test
	void seedCurlCallAnswersWithEveryKeyOfTheSeedOutput() throws IOException {
		JsonNode expected = JSON.readTree(new ClassPathResource("seed-output.json").getInputStream());
		Answer answer = seedCall("/main.handler?param=one");
		assertThat(answer.status()).isEqualTo(200);
		JsonNode actual = JSON.readTree(answer.body());
		assertSameShape("", expected, actual);
	}

	@Test
	void eventAddsOnlyTheEmptyPathThatTheSpecListsBeyondTheSeed() throws IOException {
		JsonNode expected = JSON.readTree(new ClassPathResource("seed-output.json").getInputStream());
		JsonNode event = JSON.readTree(seedCall("/main.handler?param=one").body()).get("event");
		assertThat(event.propertyNames()).containsAll(expected.get("event").propertyNames());
		assertThat(event.propertyNames()).filteredOn((name) -> !expected.get("event").has(name)).containsExactly("path");
		assertThat(event.get("path").asString()).isEmpty();
	}

	@Test
	void seedCallCarriesTheSeedsValuesWhereTheyAreNotPerCall() throws IOException {
		JsonNode actual = JSON.readTree(seedCall("/main.handler?param=one").body());
		JsonNode event = actual.get("event");
		assertThat(event.get("body").asString()).isEqualTo("{\"hello\": \"world\"}");
		assertThat(event.get("httpMethod").asString()).isEqualTo("POST");
		assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
		assertThat(event.get("queryStringParameters").toString()).isEqualTo("{\"param\":\"one\"}");
		assertThat(event.get("headers").get("User-Agent").asString()).isEqualTo("curl/7.64.1");
		assertThat(event.get("headers").get("Content-Length").asString()).isEqualTo("18");
		assertThat(event.get("requestContext").get("identity").get("userAgent").asString()).isEqualTo("curl/7.64.1");
		JsonNode context = actual.get("context");
		assertThat(context.get("function_name").asString()).isEqualTo("d4eexample0000000001");
		assertThat(context.get("memory_limit_in_mb").asInt()).isEqualTo(128);
		assertThat(context.get("token").get("access_token").asString()).isEqualTo("sample-iam-token");
	}

	@Test
	void rootAndFunctionIdReachMainHandler() throws IOException {
		for (String path : new String[] { "/?param=one", "/d4eexample0000000001?param=one" }) {
			Answer answer = seedCall(path);
			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(JSON.readTree(answer.body()).get("context").get("function_name").asString())
				.isEqualTo("d4eexample0000000001");
		}
	}

	private static void assertSameShape(String path, JsonNode expected, JsonNode actual) {
		assertThat(actual).as(path).isNotNull();
		assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
		if (expected.isObject()) {
			assertThat(actual.propertyNames()).as(path).containsAll(expected.propertyNames());
			for (Map.Entry<String, JsonNode> field : expected.properties()) {
				assertSameShape(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()));
			}
		}
		else if (expected.isArray()) {
			assertThat(actual.size()).as(path).isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertSameShape(path + "[" + i + "]", expected.get(i), actual.get(i));
			}
		}
		else if (expected.isNumber()) {
			assertThat(actual.isIntegralNumber()).as(path).isEqualTo(expected.isIntegralNumber());
		}
	}

	/** Sends the seed's curl request byte for byte, with curl's headers. */
	private Answer seedCall(String target) throws IOException {
		String body = "{\"hello\": \"world\"}";
		String request = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nUser-Agent: curl/7.64.1\r\nAccept: */*\r\nContent-Type: application/json\r\nContent-Length: "
				+ body.length() + "\r\nConnection: close\r\n\r\n" + body;
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
			int status = Integer.parseInt(response.substring(9, 12));
			return new Answer(status, response.substring(response.indexOf("\r\n\r\n") + 4));
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		return all.toByteArray();
	}

	record Answer(int status, String body) {
	}

}
