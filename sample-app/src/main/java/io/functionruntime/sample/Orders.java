package io.functionruntime.sample;

import java.util.List;
import java.util.Map;

import io.functionruntime.FunctionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Takes the batches of the {@code orders} queue's trigger: logs each message's body, and
 * fails the whole batch when a body contains {@code fail}, so that it comes back after the
 * queue's visibility timeout and, after three receives, lands in {@code orders-dlq}.
 */
@Component
class Orders {

	private static final Logger logger = LoggerFactory.getLogger(Orders.class);

	@FunctionHandler("orders.handler")
	@SuppressWarnings("unchecked")
	String handler(Map<String, Object> event) {
		for (Map<String, Object> message : (List<Map<String, Object>>) event.get("messages")) {
			Map<String, Object> details = (Map<String, Object>) message.get("details");
			String body = String.valueOf(((Map<String, Object>) details.get("message")).get("body"));
			logger.info("Order from {}: {}", details.get("queue_id"), body);
			if (body.contains("fail")) {
				throw new IllegalArgumentException("Cannot take the order " + body);
			}
		}
		return "taken";
	}

}
