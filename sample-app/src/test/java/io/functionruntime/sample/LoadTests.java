package io.functionruntime.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cloud's one-call-per-instance model under parallel load over loopback: bounded in
 * calls and time, every call answered. Its own application context, so the counters start
 * at zero.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "function-runtime.functions[sleep.handler].requests-limit=20")
class LoadTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	int port;

	private List<HttpResponse<String>> load(String path, int calls, int clients) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.timeout(Duration.ofSeconds(20))
				.build();
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				futures.add(pool.submit(() -> this.client.send(request, HttpResponse.BodyHandlers.ofString())));
			}
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				responses.add(future.get(30, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void counterLosesNoUpdateOnAnyInstanceWithoutUserLocking() throws Exception {
		List<HttpResponse<String>> responses = load("/counter.handler", 400, 16);
		assertThat(responses).hasSize(400).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
		Map<String, List<Integer>> countsByInstance = responses.stream()
			.map((response) -> JSON.readTree(response.body()))
			.collect(Collectors.groupingBy((body) -> body.get("instance").asString(),
					Collectors.mapping((body) -> body.get("count").asInt(), Collectors.toList())));
		assertThat(countsByInstance).hasSizeBetween(1, 4);
		countsByInstance.forEach((instance, counts) -> assertThat(counts.stream().sorted().toList()).as(instance)
			.isEqualTo(IntStream.rangeClosed(1, counts.size()).boxed().toList()));
	}

	@Test
	void sleepNeverSeesTwoCallsAtOnceOnOneInstance() throws Exception {
		List<HttpResponse<String>> responses = load("/sleep.handler?ms=10", 200, 16);
		assertThat(responses).hasSize(200).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
		List<JsonNode> bodies = responses.stream().map((response) -> JSON.readTree(response.body())).toList();
		assertThat(bodies).allSatisfy((body) -> assertThat(body.get("maxConcurrent").asInt()).isEqualTo(1));
		assertThat(bodies.stream().map((body) -> body.get("instance").asString()).distinct()).hasSizeBetween(1, 2);
	}

	@Test
	void overloadIsAnsweredWith429AndNothingIsLost() throws Exception {
		List<HttpResponse<String>> responses = load("/sleep.handler?ms=50", 320, 32);
		assertThat(responses).hasSize(320);
		Map<Integer, Long> byStatus = responses.stream()
			.collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
		assertThat(byStatus.keySet()).isSubsetOf(200, 429, 504).contains(200, 429);
		responses.stream()
			.filter((response) -> response.statusCode() != 200)
			.forEach((response) -> assertThat(JSON.readTree(response.body()).get("errorType").asString())
				.isIn("TooManyRequests", "TimeoutError"));
		responses.stream()
			.filter((response) -> response.statusCode() == 200)
			.forEach((response) -> assertThat(JSON.readTree(response.body()).get("maxConcurrent").asInt()).isEqualTo(1));
	}

}
