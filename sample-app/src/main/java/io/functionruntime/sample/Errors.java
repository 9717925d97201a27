package io.functionruntime.sample;

import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;

import org.springframework.stereotype.Component;

/**
 * Always fails, with the query parameter {@code message} (default {@code boom}).
 */
@Component
class Errors {

	@FunctionHandler("errors.handler")
	Object handler(HttpEvent event) {
		throw new IllegalStateException(event.queryStringParameters().getOrDefault("message", "boom"));
	}

}
