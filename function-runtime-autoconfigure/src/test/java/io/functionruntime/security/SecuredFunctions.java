package io.functionruntime.security;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;

/**
 * An application with Spring Security and three functions: public.handler, and
 * private.handler and alice.handler, which the tests make private. It counts the calls
 * its handlers run. Each test imports the SecurityFilterChain the application has, such
 * as {@link FunctionRoutesPermitted}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebSecurity
class SecuredFunctions {

	static final String[] FUNCTION_ROUTES = { "/public.handler", "/private.handler", "/alice.handler",
			"/d4eprivatefunction01" };

	@Bean
	Calls calls() {
		return new Calls();
	}

	@Bean
	Handlers handlers(Calls calls, JsonMapper jsonMapper) {
		return new Handlers(calls, jsonMapper);
	}

	/** How many times the handlers ran. */
	static final class Calls {

		private final AtomicInteger count = new AtomicInteger();

		int count() {
			return this.count.get();
		}

	}

	/** Answers with the event it got, so that a test can see its headers. */
	static final class Handlers {

		private final Calls calls;

		private final JsonMapper jsonMapper;

		Handlers(Calls calls, JsonMapper jsonMapper) {
			this.calls = calls;
			this.jsonMapper = jsonMapper;
		}

		@FunctionHandler("public.handler")
		Map<String, Object> publicHandler(HttpEvent event) {
			return answer(event);
		}

		@FunctionHandler("private.handler")
		Map<String, Object> privateHandler(HttpEvent event) {
			return answer(event);
		}

		@FunctionHandler("alice.handler")
		Map<String, Object> aliceHandler(HttpEvent event) {
			return answer(event);
		}

		private Map<String, Object> answer(HttpEvent event) {
			this.calls.count.incrementAndGet();
			return Map.of("statusCode", 200, "body", this.jsonMapper.writeValueAsString(event));
		}

	}

}
