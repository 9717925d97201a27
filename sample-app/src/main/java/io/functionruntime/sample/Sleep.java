package io.functionruntime.sample;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Sleeps {@code ms} milliseconds (default 100) and reports which instance it ran on and
 * the most calls this instance ever saw running at once: with the cloud's model that is
 * always 1. Prototype-scoped, so each of its instances is an object of its own.
 */
@Component
@Scope("prototype")
class Sleep {

	private final String instance = UUID.randomUUID().toString();

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger maxConcurrent = new AtomicInteger();

	@FunctionHandler("sleep.handler")
	Map<String, Object> handler(HttpEvent event) throws InterruptedException {
		long ms = Long.parseLong(event.queryStringParameters().getOrDefault("ms", "100"));
		this.maxConcurrent.accumulateAndGet(this.running.incrementAndGet(), Math::max);
		try {
			Thread.sleep(ms);
		}
		finally {
			this.running.decrementAndGet();
		}
		return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json"), "body",
				"{\"slept\":" + ms + ",\"instance\":\"" + this.instance + "\",\"maxConcurrent\":"
						+ this.maxConcurrent.get() + "}");
	}

}
