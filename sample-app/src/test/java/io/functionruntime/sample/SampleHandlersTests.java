package io.functionruntime.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's other handlers do what the README says they do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleHandlersTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private HttpResponse<String> call(String path, String contentType, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (body != null) {
			request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void mirrorReturnsTheJsonItIsSentAsTheResponse() throws Exception {
		HttpResponse<String> response = call("/mirror.handler", "application/json",
				"{\"statusCode\": 418, \"headers\": {\"X-Tea\": \"yes\"}, \"body\": \"teapot\"}");
		assertThat(response.statusCode()).isEqualTo(418);
		assertThat(response.headers().firstValue("X-Tea")).hasValue("yes");
		assertThat(response.body()).isEqualTo("teapot");
	}

	@Test
	void mirrorDecodesBase64BodiesFirst() throws Exception {
		HttpResponse<String> response = call("/mirror.handler", "text/plain", "{\"body\": \"plain\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("plain");
	}

	@Test
	void mirrorOfANonObjectIsMalformed() throws Exception {
		for (String result : new String[] { "\"text\"", "[1]", "7" }) {
			HttpResponse<String> response = call("/mirror.handler", "application/json", result);
			assertThat(response.statusCode()).isEqualTo(502);
			assertThat(JSON.readTree(response.body()).get("payload").asString()).isEqualTo(result.replace(" ", ""));
		}
	}

	@Test
	void errorsFailsWithTheGivenMessage() throws Exception {
		HttpResponse<String> response = call("/errors.handler", null, null);
		assertThat(response.statusCode()).isEqualTo(502);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("errorType").asString()).isEqualTo("IllegalStateException");
		assertThat(body.get("errorMessage").asString()).isEqualTo("boom");
		assertThat(JSON.readTree(call("/errors.handler?message=bad%20day", null, null).body()).get("errorMessage")
			.asString()).isEqualTo("bad day");
	}

	@Test
	void asyncCompletesLikeMirrorOrFails() throws Exception {
		HttpResponse<String> ok = call("/async.handler?ms=20", "application/json",
				"{\"statusCode\": 201, \"body\": \"later\"}");
		assertThat(ok.statusCode()).isEqualTo(201);
		assertThat(ok.body()).isEqualTo("later");
		HttpResponse<String> failed = call("/async.handler?fail=1", "application/json", "{}");
		assertThat(failed.statusCode()).isEqualTo(502);
		assertThat(JSON.readTree(failed.body()).get("errorType").asString()).isEqualTo("IllegalArgumentException");
		assertThat(JSON.readTree(failed.body()).get("errorMessage").asString()).isEqualTo("async failure");
	}

	@Test
	void sleepReportsItsInstanceAndOneCallAtATime() throws Exception {
		HttpResponse<String> response = call("/sleep.handler?ms=10", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("slept").asLong()).isEqualTo(10);
		assertThat(body.get("instance").asString()).isNotEmpty();
		assertThat(body.get("maxConcurrent").asInt()).isEqualTo(1);
	}

	@Test
	void sleepPastItsTwoSecondTimeoutIs504() throws Exception {
		HttpResponse<String> response = call("/sleep.handler?ms=5000", null, null);
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(JSON.readTree(response.body()).get("errorType").asString()).isEqualTo("TimeoutError");
	}

	@Test
	void counterCountsItsCalls() throws Exception {
		JsonNode first = JSON.readTree(call("/counter.handler", null, null).body());
		JsonNode second = JSON.readTree(call("/counter.handler", null, null).body());
		assertThat(second.get("instance").asString()).isEqualTo(first.get("instance").asString());
		assertThat(second.get("count").asInt()).isEqualTo(first.get("count").asInt() + 1);
	}

}
