package io.functionruntime.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpResponse;
import io.functionruntime.TimerEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * The functions the test kit's tests call.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class KitFunctions {

	@Bean
	Functions functions(JsonMapper jsonMapper) {
		return new Functions(jsonMapper);
	}

	@Bean
	@Scope("prototype")
	Counter counter() {
		return new Counter();
	}

	/** Counts its calls in a field, as a handler keeps state in its instance. */
	static class Counter {

		static final AtomicInteger created = new AtomicInteger();

		private int count;

		Counter() {
			created.incrementAndGet();
		}

		@FunctionHandler("counter.handler")
		HttpResponse count(Map<String, Object> event) {
			this.count++;
			return HttpResponse.of(200, String.valueOf(this.count));
		}

	}

	static class Functions {

		private final JsonMapper jsonMapper;

		Functions(JsonMapper jsonMapper) {
			this.jsonMapper = jsonMapper;
		}

		/** Answers the event and context it got as its JSON body. */
		@FunctionHandler("echo.handler")
		HttpResponse echo(Map<String, Object> event, Context context) {
			return HttpResponse.of(200, this.jsonMapper.writeValueAsString(Map.of("event", event, "context", context)));
		}

		/** Answers a status and headers of its own. */
		@FunctionHandler("teapot.handler")
		HttpResponse teapot(Map<String, Object> event) {
			return new HttpResponse(418, Map.of("X-Tea", "green"), Map.of("X-Cups", List.of("1", "2")), "short and stout",
					false);
		}

		@FunctionHandler("fail.handler")
		Map<String, Object> fail(Map<String, Object> event) {
			throw new IllegalStateException("broken");
		}

		/** Returns the body it got in raw mode, with a mark. */
		@FunctionHandler("raw.handler")
		Map<String, Object> raw(Map<String, Object> body) {
			Map<String, Object> result = new LinkedHashMap<>(body);
			result.put("seen", true);
			return result;
		}

		/** Returns the timer event it got. */
		@FunctionHandler("timer.handler")
		TimerEvent timer(TimerEvent event) {
			return event;
		}

	}

}
