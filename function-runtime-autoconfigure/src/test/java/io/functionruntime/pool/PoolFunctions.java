package io.functionruntime.pool;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;
import io.functionruntime.http.Gate;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * Handlers that show how instances, permits and deadlines behave. Each answers with the
 * id of the instance that served it. A call that must stay inside a handler names a
 * {@link Gate}: the test knows when it is in, and releases it (or lets the deadline
 * interrupt it) instead of sleeping.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class PoolFunctions {

	static final AtomicInteger warmCreated = new AtomicInteger();

	static final AtomicInteger asyncCancelled = new AtomicInteger();

	@Bean
	Gated gated() {
		return new Gated();
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	Stubborn stubborn() {
		return new Stubborn();
	}

	@Bean
	StubbornSingle stubbornSingle() {
		return new StubbornSingle();
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	Fragile fragile() {
		return new Fragile();
	}

	@Bean
	Shared shared() {
		return new Shared();
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	Cold cold() {
		return new Cold();
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	Warm warm() {
		return new Warm();
	}

	/**
	 * Handlers that wait in a {@link Gate} the call names, until the test releases them or
	 * the runtime interrupts them at the deadline; without a gate they answer at once.
	 */
	static class Gated {

		/** How many calls are inside queue.gated now, and at most so far. */
		final AtomicInteger queueRunning = new AtomicInteger();

		final AtomicInteger queueMaxRunning = new AtomicInteger();

		@FunctionHandler("queue.gated")
		Map<String, Object> queue(HttpEvent event) throws InterruptedException {
			this.queueMaxRunning.accumulateAndGet(this.queueRunning.incrementAndGet(), Math::max);
			try {
				pass(event);
			}
			finally {
				this.queueRunning.decrementAndGet();
			}
			return Map.of("body", "released");
		}

		@FunctionHandler("limited.gated")
		Map<String, Object> limited(HttpEvent event) throws InterruptedException {
			pass(event);
			return Map.of("body", "released");
		}

		/** With {@code ?never}, answers with a future that nothing completes. */
		@FunctionHandler("async.slow")
		CompletionStage<Map<String, Object>> async(HttpEvent event) {
			if (!event.queryStringParameters().containsKey("never")) {
				return CompletableFuture.supplyAsync(() -> Map.of("body", "late"));
			}
			CompletableFuture<Map<String, Object>> never = new CompletableFuture<>();
			never.whenComplete((value, failure) -> {
				if (never.isCancelled()) {
					asyncCancelled.incrementAndGet();
				}
			});
			return never;
		}

		@FunctionHandler("remaining.handler")
		Map<String, Object> remaining(HttpEvent event, Context context) throws InterruptedException {
			long before = context.getRemainingTimeInMillis();
			// Lets real time pass on purpose: the remaining time counts down in real time
			Thread.sleep(100);
			return Map.of("body", before + "," + context.getRemainingTimeInMillis());
		}

		private static void pass(HttpEvent event) throws InterruptedException {
			Gate gate = Gate.of(event);
			if (gate != null) {
				gate.pass();
			}
		}

	}

	/** Waits in the call's gate, if any, ignoring interrupts as badly written code does. */
	static void passIgnoringInterrupts(HttpEvent event) {
		Gate gate = Gate.of(event);
		if (gate != null) {
			gate.passIgnoringInterrupts();
		}
	}

	/** Two instances of a handler that swallows interrupts. */
	static class Stubborn {

		final String id = UUID.randomUUID().toString();

		@FunctionHandler("stubborn.gated")
		Map<String, Object> handler(HttpEvent event) {
			passIgnoringInterrupts(event);
			return Map.of("body", this.id);
		}

	}

	/** One instance of a handler that swallows interrupts. */
	static class StubbornSingle {

		@FunctionHandler("stubborn.single")
		Map<String, Object> handler(HttpEvent event) {
			passIgnoringInterrupts(event);
			return Map.of("body", "done");
		}

	}

	/** Throws an Error on demand. */
	static class Fragile {

		final String id = UUID.randomUUID().toString();

		@FunctionHandler("fragile.handler")
		Map<String, Object> handler(HttpEvent event) {
			if (event.queryStringParameters().containsKey("error")) {
				throw new AssertionError("broken instance");
			}
			return Map.of("body", this.id);
		}

	}

	/** One instance that serves four calls at once. */
	static class Shared {

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger maxRunning = new AtomicInteger();

		@FunctionHandler("shared.handler")
		Map<String, Object> handler(HttpEvent event, Context context) throws InterruptedException {
			this.maxRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				Gate gate = Gate.of(event);
				if (gate != null) {
					gate.pass(context);
				}
			}
			finally {
				this.running.decrementAndGet();
			}
			return Map.of("body", String.valueOf(this.maxRunning.get()));
		}

	}

	/** Starts on the first call. */
	static class Cold {

		final String id = UUID.randomUUID().toString();

		Cold() {
			// A slow start on purpose, so that the init duration has at least two digits
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@FunctionHandler("cold.handler")
		Map<String, Object> handler(HttpEvent event) {
			return Map.of("body", this.id);
		}

	}

	/** Two of its instances are created at startup. */
	static class Warm {

		final String id = UUID.randomUUID().toString();

		Warm() {
			warmCreated.incrementAndGet();
		}

		@FunctionHandler("warm.handler")
		Map<String, Object> handler(HttpEvent event) {
			return Map.of("body", this.id);
		}

	}

}
