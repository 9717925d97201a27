package io.functionruntime.sample;

import java.util.Map;
import java.util.UUID;

import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;

import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Counts its calls in a plain field, with no lock, no atomic and no volatile: the
 * runtime's one-call-per-instance rule is what keeps every update. Each instance counts
 * on its own, like the cloud's global variables.
 */
@Component
@Scope("prototype")
class Counter {

	private final String instance = UUID.randomUUID().toString();

	private int count;

	@FunctionHandler("counter.handler")
	Map<String, Object> handler(HttpEvent event) throws InterruptedException {
		int seen = this.count;
		Thread.sleep(1);
		this.count = seen + 1;
		return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json"), "body",
				"{\"count\":" + this.count + ",\"instance\":\"" + this.instance + "\"}");
	}

}
