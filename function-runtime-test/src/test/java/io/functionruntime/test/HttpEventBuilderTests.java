package io.functionruntime.test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.functionruntime.HttpEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events built for a unit test are what the runtime would make of the same request.
 */
class HttpEventBuilderTests {

	@Test
	void getHasAnEmptyBase64BodyAndTheRoutersHeaders() {
		HttpEvent event = HttpEventBuilder.get().requestId("r-1").build();
		assertThat(event.httpMethod()).isEqualTo("GET");
		assertThat(event.body()).isEmpty();
		assertThat(event.isBase64Encoded()).isTrue();
		assertThat(event.headers()).containsEntry("X-Request-Id", "r-1")
			.containsEntry("X-Forwarded-For", "127.0.0.1")
			.containsEntry("User-Agent", "function-runtime-test")
			.containsKeys("Host", "X-Trace-Id", "X-Real-Remote-Address");
		assertThat(event.path()).isEmpty();
		assertThat(event.pathParams()).isEmpty();
	}

	@Test
	void requestContextHasTheRequestIdAndTheTimeNow() {
		long before = Instant.now().getEpochSecond();
		HttpEvent.RequestContext requestContext = HttpEventBuilder.get().requestId("r-1").build().requestContext();
		assertThat(requestContext.requestId()).isEqualTo("r-1");
		assertThat(requestContext.httpMethod()).isEqualTo("GET");
		assertThat(requestContext.requestTimeEpoch()).isBetween(before, Instant.now().getEpochSecond());
		assertThat(requestContext.requestTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
		assertThat(requestContext.identity().sourceIp()).isEqualTo("127.0.0.1");
	}

	@Test
	void requestIdIsRandomByDefault() {
		assertThat(HttpEventBuilder.get().build().requestContext().requestId())
			.isNotEqualTo(HttpEventBuilder.get().build().requestContext().requestId())
			.matches("[0-9a-f-]{36}");
	}

	@Test
	void postWithAJsonBodyCarriesItAsText() {
		HttpEvent event = HttpEventBuilder.post().jsonBody(Map.of("hello", "world")).build();
		assertThat(event.httpMethod()).isEqualTo("POST");
		assertThat(event.body()).isEqualTo("{\"hello\":\"world\"}");
		assertThat(event.isBase64Encoded()).isFalse();
		assertThat(event.headers()).containsEntry("Content-Type", "application/json")
			.containsEntry("Content-Length", "17");
	}

	@Test
	void otherBodiesAreBase64() {
		HttpEvent event = HttpEventBuilder.request("PUT").body(new byte[] { 1, 2, 3 }, "application/octet-stream").build();
		assertThat(event.body()).isEqualTo(Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3 }));
		assertThat(event.isBase64Encoded()).isTrue();
	}

	@Test
	void headerNamesAreCanonicalAndTheRemovedOnesAreGone() {
		HttpEvent event = HttpEventBuilder.get()
			.header("x-custom-name", "a")
			.header("x-custom-name", "b")
			.header("Authorization", "Bearer secret")
			.header("Cookie", "c=1")
			.build();
		assertThat(event.headers()).containsEntry("X-Custom-Name", "b").doesNotContainKeys("Authorization", "Cookie");
		assertThat(event.multiValueHeaders()).containsEntry("X-Custom-Name", List.of("a", "b"));
	}

	@Test
	void queryKeepsLastAndAllValues() {
		HttpEvent event = HttpEventBuilder.get().query("a", "1").query("a", "2 3").build();
		assertThat(event.queryStringParameters()).containsExactly(Map.entry("a", "2 3"));
		assertThat(event.multiValueQueryStringParameters()).containsExactly(Map.entry("a", List.of("1", "2 3")));
	}

	@Test
	void eventAsAMapIsTheMutableDictOfAMapHandler() {
		Map<String, Object> event = HttpEventBuilder.get().query("param", "one").buildMap();
		assertThat(event).containsEntry("httpMethod", "GET")
			.containsEntry("queryStringParameters", Map.of("param", "one"))
			.containsEntry("isBase64Encoded", true);
		event.put("seen", true);
		assertThat(event).containsEntry("seen", true);
	}

	@Test
	void pathAndPathParamsAreWhatAGatewayPasses() {
		HttpEvent event = HttpEventBuilder.get()
			.path("/users/{id}/files/{file+}")
			.pathParam("id", "42")
			.pathParam("file", "a/b.txt")
			.query("v", "1")
			.build();
		assertThat(event.path()).isEqualTo("/users/{id}/files/{file+}");
		assertThat(event.url()).isEqualTo("/users/42/files/a/b.txt?v=1");
		assertThat(event.pathParams()).containsExactly(Map.entry("id", "42"), Map.entry("file", "a/b.txt"));
		assertThat(event.params()).isEqualTo(event.pathParams());
		assertThat(event.multiValueParams()).containsExactly(Map.entry("id", List.of("42")),
				Map.entry("file", List.of("a/b.txt")));
		assertThat(event.queryStringParameters()).containsExactly(Map.entry("v", "1"));
	}

	@Test
	void pathWithoutAQueryIsTheUrl() {
		assertThat(HttpEventBuilder.get().path("/health").build().url()).isEqualTo("/health");
	}

	@Test
	void timeSetsTheRequestContextsTime() {
		HttpEvent.RequestContext requestContext = HttpEventBuilder.get()
			.time(Instant.parse("2026-11-25T03:00:00.999Z"))
			.build()
			.requestContext();
		assertThat(requestContext.requestTime()).isEqualTo("25/Nov/2026:03:00:00 +0000");
		assertThat(requestContext.requestTimeEpoch()).isEqualTo(Instant.parse("2026-11-25T03:00:00Z").getEpochSecond());
	}

}
