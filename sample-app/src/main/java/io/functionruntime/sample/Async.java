package io.functionruntime.sample;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * An asynchronous handler: after {@code ms} milliseconds (default 0) it completes with
 * what {@code mirror.handler} returns; with {@code fail=1} it completes exceptionally.
 */
@Component
class Async {

	private final JsonMapper jsonMapper;

	Async(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@FunctionHandler("async.handler")
	CompletableFuture<JsonNode> handler(HttpEvent event, Context context) {
		long ms = Long.parseLong(event.queryStringParameters().getOrDefault("ms", "0"));
		boolean fail = "1".equals(event.queryStringParameters().get("fail"));
		return CompletableFuture.supplyAsync(() -> {
			if (fail) {
				throw new IllegalArgumentException("async failure");
			}
			return this.jsonMapper.readTree(Mirror.decodedBody(event));
		}, CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
	}

}
