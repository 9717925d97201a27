package io.functionruntime.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import io.functionruntime.Handler;
import io.functionruntime.HttpEvent;
import io.functionruntime.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The handlers the HTTP tests call, one for each shape and behaviour under test.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestFunctions {

	static final String TOKEN = "t1.secret-token";

	@Bean
	Echo echo(JsonMapper jsonMapper) {
		return new Echo(jsonMapper);
	}

	@Bean
	Identity identity() {
		return new Identity();
	}

	@Bean
	Failing failing() {
		return new Failing();
	}

	/** An application's own controller, beside the functions (registered as a member class). */
	@org.springframework.web.bind.annotation.RestController
	static class UserController {

		@org.springframework.web.bind.annotation.GetMapping("/users/hello")
		String hello() {
			return "hello from a controller";
		}

	}

	@Bean
	BindingFunctions bindingFunctions() {
		return new BindingFunctions();
	}

	@Bean
	Faulty faulty() {
		return new Faulty();
	}

	@Bean
	Guarded guarded() {
		return new Guarded();
	}

	@Bean
	Large large() {
		return new Large();
	}

	@Bean
	EnvironmentReaders environmentReaders() {
		return new EnvironmentReaders();
	}

	@Bean
	@FunctionHandler("typed.handler")
	Handler<HttpEvent, HttpResponse> typed() {
		return (event, context) -> HttpResponse.of(201, Map.of("Content-Type", "text/plain"),
				event.httpMethod() + " " + event.queryStringParameters());
	}

	@Bean
	@FunctionHandler("respond.handler")
	Handler<HttpEvent, JsonNode> respond(JsonMapper jsonMapper) {
		return (event, context) -> jsonMapper.readTree(event.isBase64Encoded()
				? new String(Base64.getDecoder().decode(event.body()), StandardCharsets.UTF_8) : event.body());
	}

	/**
	 * Two functions that answer with the environment variable the query names, as each
	 * sees it: by {@code getenv} and from {@code getEnvironment()}.
	 */
	static class EnvironmentReaders {

		@FunctionHandler("env.first")
		Map<String, Object> first(HttpEvent event, Context context) {
			return read(event, context);
		}

		@FunctionHandler("env.second")
		Map<String, Object> second(HttpEvent event, Context context) {
			return read(event, context);
		}

		private static Map<String, Object> read(HttpEvent event, Context context) {
			String name = event.queryStringParameters().get("name");
			return Map.of("statusCode", 200, "body", context.getenv(name) + "|" + context.getEnvironment().get(name));
		}

	}

	/** Returns what it was called with as the body, in each event shape. */
	static class Echo {

		private final JsonMapper jsonMapper;

		Echo(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
		}

		@FunctionHandler("echo.event")
		Map<String, Object> event(Map<String, Object> event, Context context) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("event", event);
			body.put("context", context);
			body.put("remainingMillis", context.getRemainingTimeInMillis());
			body.put("tokenJson", context.getTokenJson());
			return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json"), "body",
					this.jsonMapper.writeValueAsString(body));
		}

		@FunctionHandler("echo.context")
		Map<String, Object> context(Map<String, Object> event, Context context) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("context", context);
			body.put("tokenJson", context.getTokenJson());
			return Map.of("statusCode", 200, "body", this.jsonMapper.writeValueAsString(body));
		}

		@FunctionHandler("echo.tree")
		Map<String, Object> tree(JsonNode event) {
			return Map.of("body", event.getClass().getSimpleName() + ":" + event.get("httpMethod").asString());
		}

		@FunctionHandler("echo.string")
		Map<String, Object> string(String event) {
			return Map.of("body", event);
		}

		@FunctionHandler("echo.bytes")
		Map<String, Object> bytes(byte[] event) {
			return Map.of("body", new String(event, StandardCharsets.UTF_8));
		}

		@FunctionHandler("echo.pojo")
		Map<String, Object> pojo(Request event) {
			return Map.of("body", event.httpMethod() + " " + event.body() + " " + event.isBase64Encoded());
		}

		@FunctionHandler("echo.number")
		Map<String, Object> number(NumberRequest event) {
			return Map.of("body", String.valueOf(event.body()));
		}

		@FunctionHandler("echo.mdc")
		Map<String, Object> mdc(HttpEvent event) {
			return Map.of("body", MDC.get("requestId") + " " + MDC.get("functionName"));
		}

		@FunctionHandler("echo.mdcAsync")
		CompletableFuture<Map<String, Object>> mdcAsync(HttpEvent event, Context context) {
			return CompletableFuture.supplyAsync(() -> MDC.get("requestId"), context.getExecutor())
				.thenApplyAsync((first) -> Map.of("body", first + " " + MDC.get("requestId") + " "
						+ MDC.get("functionName") + " " + Thread.currentThread().getName().startsWith("function-worker-")),
						context.getExecutor());
		}

		@FunctionHandler("echo.async")
		CompletionStage<Map<String, Object>> async(HttpEvent event) {
			long ms = Long.parseLong(event.queryStringParameters().getOrDefault("ms", "0"));
			return CompletableFuture.supplyAsync(() -> Map.of("statusCode", 202, "body", "later " + ms),
					CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
		}

	}

	/** A POJO bound from the event JSON. */
	record Request(String httpMethod, String body, boolean isBase64Encoded) {
	}

	/** A POJO whose body must be a number. */
	record NumberRequest(int body) {
	}

	/** A POJO bound from a raw body. */
	record Greeting(String hello) {
	}

	/** A POJO with a number, bound from a raw body. */
	record Order(String item, int quantity) {
	}

	/** Returns its argument as is, for raw mode. */
	static class Identity {

		/** Stands for a call held in a debugger: it pauses as long as the query says. */
		@FunctionHandler("debug.pause")
		Map<String, Object> pause(HttpEvent event) throws InterruptedException {
			Thread.sleep(Long.parseLong(event.queryStringParameters().get("ms")));
			return Map.of("statusCode", 200, "body", "resumed");
		}

		@FunctionHandler("helpers.binary")
		HttpResponse binary(HttpEvent event) {
			return HttpResponse.binary(200, "application/octet-stream", event.bodyBytes());
		}

		@FunctionHandler("helpers.json")
		HttpResponse json(HttpEvent event) {
			return HttpResponse.json(201, "{\"text\":\"" + event.bodyText() + "\"}");
		}

		@FunctionHandler("identity.map")
		Map<String, Object> map(Map<String, Object> body) {
			return body;
		}

		@FunctionHandler("identity.string")
		String string(String body) {
			return body;
		}

		@FunctionHandler("identity.bytes")
		byte[] bytes(byte[] body) {
			return body;
		}

		@FunctionHandler("identity.pojo")
		Greeting pojo(Greeting body) {
			return new Greeting(body.hello() + "!");
		}

		@FunctionHandler("identity.tree")
		JsonNode tree(JsonNode body) {
			return body;
		}

		@FunctionHandler("identity.order")
		Order order(Order body) {
			return body;
		}

		@FunctionHandler("identity.nothing")
		void nothing(Map<String, Object> body) {
		}

	}

	/** Fails in every way a handler can. */
	static class Failing {

		@FunctionHandler("fail.sync")
		Map<String, Object> sync(HttpEvent event) {
			throw new IllegalStateException(event.queryStringParameters().getOrDefault("message", "boom"));
		}

		@FunctionHandler("fail.checked")
		Map<String, Object> checked(HttpEvent event) throws Exception {
			throw new java.io.IOException("disk gone");
		}

		@FunctionHandler("fail.async")
		CompletableFuture<Map<String, Object>> async(Map<String, Object> event) {
			return CompletableFuture.supplyAsync(() -> {
				throw new IllegalArgumentException("async failure");
			});
		}

		@FunctionHandler("fail.error")
		Map<String, Object> error(HttpEvent event) {
			return recurse(0);
		}

		private Map<String, Object> recurse(int depth) {
			return (depth < Integer.MAX_VALUE) ? recurse(depth + 1) : Map.of();
		}

		/** Blocks until the runtime interrupts it at the deadline: nothing releases it. */
		@FunctionHandler("fail.slow")
		Map<String, Object> slow(HttpEvent event) throws InterruptedException {
			new CountDownLatch(1).await();
			return Map.of("body", "done");
		}

		@FunctionHandler("fail.never")
		CompletableFuture<Map<String, Object>> never(HttpEvent event) {
			return new CompletableFuture<>();
		}

	}

	/** Fails in the odd ways real code does. */
	static class Faulty {

		static final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

		@FunctionHandler("fault.counted")
		Map<String, Object> counted(Map<String, Object> event) {
			calls.incrementAndGet();
			return Map.of("body", "counted");
		}

		@FunctionHandler("fault.nullMessage")
		Map<String, Object> nullMessage(HttpEvent event) {
			throw new IllegalStateException();
		}

		@FunctionHandler("fault.throwingMessage")
		Map<String, Object> throwingMessage(HttpEvent event) {
			throw new RuntimeException() {

				@Override
				public String getMessage() {
					throw new IllegalStateException("no message for you");
				}

				@Override
				public String toString() {
					throw new IllegalStateException("no string for you");
				}

			};
		}

		@FunctionHandler("fault.cyclic")
		Map<String, Object> cyclic(HttpEvent event) {
			java.util.concurrent.CompletionException outer = new java.util.concurrent.CompletionException("outer") {
			};
			java.util.concurrent.CompletionException inner = new java.util.concurrent.CompletionException("inner", outer);
			outer.initCause(inner);
			throw outer;
		}

		@FunctionHandler("fault.longMessage")
		Map<String, Object> longMessage(HttpEvent event) {
			throw new IllegalArgumentException("x".repeat(1_000_000));
		}

		@FunctionHandler("fault.oom")
		Map<String, Object> oom(HttpEvent event) {
			throw new OutOfMemoryError("user code ran out");
		}

		@FunctionHandler("fault.unserialisable")
		Object unserialisable(HttpEvent event) {
			return new Object() {

				public String getBody() {
					throw new IllegalStateException("getter fails");
				}

			};
		}

		@FunctionHandler("fault.cycle")
		Map<String, Object> cycle(HttpEvent event) {
			Map<String, Object> result = new java.util.HashMap<>();
			result.put("body", "x");
			result.put("self", result);
			return result;
		}

		@FunctionHandler("fault.nullFuture")
		CompletableFuture<Map<String, Object>> nullFuture(HttpEvent event) {
			return CompletableFuture.completedFuture(null);
		}

		@FunctionHandler("fault.twice")
		CompletableFuture<Map<String, Object>> twice(HttpEvent event) {
			CompletableFuture<Map<String, Object>> future = new CompletableFuture<>();
			future.complete(Map.of("body", "first"));
			future.complete(Map.of("body", "second"));
			future.completeExceptionally(new IllegalStateException("late"));
			return future;
		}

		@FunctionHandler("fault.noisy")
		Map<String, Object> noisy(HttpEvent event) {
			for (int i = 0; i < 20_000; i++) {
				System.out.println("noisy line " + i);
			}
			return Map.of("body", "done");
		}

	}

	/** Sees how many calls run inside it at once. */
	static class Guarded {

		private final AtomicInteger running = new AtomicInteger();

		private int calls;

		private int maxRunning;

		@FunctionHandler("guarded.handler")
		Map<String, Object> handler(HttpEvent event) throws InterruptedException {
			int now = this.running.incrementAndGet();
			this.maxRunning = Math.max(this.maxRunning, now);
			int seen = this.calls;
			Thread.sleep(5);
			this.calls = seen + 1;
			this.running.decrementAndGet();
			return Map.of("body", this.calls + "/" + this.maxRunning);
		}

	}

	/** Answers as many bytes as it is asked for: in a header, a body, a raw result or a message. */
	static class Large {

		@FunctionHandler("large.header")
		Map<String, Object> header(HttpEvent event) {
			return Map.of("headers", Map.of("X-Big", "h".repeat(size(event))));
		}

		@FunctionHandler("large.body")
		Map<String, Object> body(HttpEvent event) {
			return Map.of("body", "b".repeat(size(event)));
		}

		@FunctionHandler("large.message")
		Map<String, Object> message(HttpEvent event) {
			throw new IllegalStateException("\"".repeat(size(event)));
		}

		@FunctionHandler("large.rawText")
		String rawText(Map<String, Object> body) {
			return "r".repeat(((Number) body.get("bytes")).intValue());
		}

		@FunctionHandler("large.rawJson")
		Map<String, Object> rawJson(Map<String, Object> body) {
			return Map.of("data", "j".repeat(((Number) body.get("bytes")).intValue()));
		}

		private static int size(HttpEvent event) {
			return Integer.parseInt(event.queryStringParameters().get("bytes"));
		}

	}

}
