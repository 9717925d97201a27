package io.functionruntime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.functionruntime.internal.registry.FunctionRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random requests, from a fixed seed so that a failure can be replayed: random methods,
 * paths, query strings, headers and bodies. Whatever arrives, the answer is well formed,
 * has a status of SPEC §7, is JSON when it is an error, carries a request id, and a
 * rejected request never reaches the handler.
 */
@HttpTest
class FuzzTests {

	private static final long SEED = 20261125L;

	private static final int CASES = 2000;

	private static final Set<Integer> STATUSES = Set.of(200, 400, 404, 405, 413, 505);

	private static final String[] METHODS = { "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "PURGE",
			"FOO", "TRACE", "get" };

	private static final String[] PATHS = { "/fault.counted", "/fault.counted", "/fault.counted", "/nope.handler",
			"/", "/%zz", "/a%2Fb", "/fault.counted/x", "/fault.counted;p=1", "/../fault.counted", "/error",
			"/fault.counted%00" };

	/** Paths that reach no function: Spring Boot's error handling answers them, not the runtime. */
	private static final Set<String> APPLICATION_PATHS = Set.of("/nope.handler", "/", "/fault.counted/x", "/error");

	private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=utf-8",
			"text/plain", "application/octet-stream", "APPLICATION/JSON", null };

	private static final String[] HEADER_NAMES = { "X-Test", "x-lower", "Authorization", "Cookie", "Te", "Upgrade",
			"X-Forwarded-For", "X-Trace-Id", "X-Request-Id", "User-Agent", "Accept", "Content-MD5", "X-Dup", "X-Dup" };

	@Autowired
	TestHttp http;

	@Autowired
	FunctionRegistry registry;

	@Test
	void randomRequestsAlwaysGetAWellFormedAnswer() throws IOException {
		Random random = new Random(SEED);
		String countedId = this.registry.functions().get("fault.counted").settings().id();
		int callsBefore = TestFunctions.Faulty.calls.get();
		int handled = 0;
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < CASES; i++) {
			String method = pick(random, METHODS);
			byte[] body = body(random);
			String path = pick(random, PATHS);
			StringBuilder head = new StringBuilder(method).append(' ')
				.append(path)
				.append(query(random))
				.append(" HTTP/1.1\r\nHost: fuzz\r\nConnection: close");
			String contentType = pick(random, CONTENT_TYPES);
			if (contentType != null) {
				head.append("\r\nContent-Type: ").append(contentType);
			}
			for (int h = random.nextInt(8); h > 0; h--) {
				head.append("\r\n").append(pick(random, HEADER_NAMES)).append(": ").append(text(random, 20));
			}
			boolean oversized = random.nextInt(50) == 0;
			head.append("\r\nContent-Length: ").append(oversized ? 50_000_000 : body.length);
			String replay = "case " + i + " (seed " + SEED + "): " + head;
			TestHttp.RawResponse response;
			try {
				response = this.http.raw(head.toString(), oversized ? new byte[0] : body);
			}
			catch (IOException ex) {
				throw new AssertionError("No answer to " + replay, ex);
			}
			statuses.add(response.status());
			if (APPLICATION_PATHS.contains(path) && response.header("X-Request-Id") == null) {
				assertThat(response.status()).as(replay).isBetween(200, 599);
				continue;
			}
			assertThat(STATUSES).as(replay).contains(response.status());
			assertThat(response.header("X-Request-Id")).as(replay).isNotBlank();
			if (response.status() >= 400 && !method.equals("HEAD")) {
				assertThat(response.header("Content-Type")).as(replay).isEqualTo("application/json");
				JsonNode error = response.json();
				assertThat(error.get("errorType").isString()).as(replay).isTrue();
				assertThat(error.get("errorMessage").isString()).as(replay).isTrue();
				BadInputTests.assertNoInternals(new String(response.body(), StandardCharsets.UTF_8));
			}
			if (response.status() == 200 && countedId.equals(response.header("X-Function-Id"))) {
				handled++;
			}
		}
		assertThat(statuses).hasSize(CASES).contains(200, 400, 404, 413);
		assertThat(TestFunctions.Faulty.calls.get() - callsBefore).as("handler calls").isEqualTo(handled);
	}

	private static String pick(Random random, String[] choices) {
		return choices[random.nextInt(choices.length)];
	}

	private static String query(Random random) {
		if (random.nextInt(4) == 0) {
			return "";
		}
		StringBuilder query = new StringBuilder("?");
		for (int p = random.nextInt(6); p >= 0; p--) {
			query.append(queryText(random)).append(random.nextBoolean() ? "=" : "").append(queryText(random)).append('&');
		}
		if (random.nextInt(5) == 0) {
			query.append("integration=raw");
		}
		return query.toString();
	}

	private static String queryText(Random random) {
		String[] pieces = { "a", "b", "%20", "+", "%D0%BF", "%zz", "%4", "x", "%", "%2F", "integration", "raw", "1" };
		StringBuilder text = new StringBuilder();
		for (int n = random.nextInt(4); n > 0; n--) {
			text.append(pick(random, pieces));
		}
		return text.toString();
	}

	private static String text(Random random, int maxLength) {
		StringBuilder text = new StringBuilder();
		for (int n = random.nextInt(maxLength); n > 0; n--) {
			text.append((char) (0x21 + random.nextInt(0x5e)));
		}
		return text.toString();
	}

	private static byte[] body(Random random) {
		switch (random.nextInt(4)) {
			case 0:
				return new byte[0];
			case 1:
				return ("{\"a\": " + random.nextInt() + "}").getBytes(StandardCharsets.UTF_8);
			case 2:
				return text(random, 200).getBytes(StandardCharsets.UTF_8);
			default:
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				for (int n = random.nextInt(2000); n > 0; n--) {
					bytes.write(random.nextInt(256));
				}
				return bytes.toByteArray();
		}
	}

}
