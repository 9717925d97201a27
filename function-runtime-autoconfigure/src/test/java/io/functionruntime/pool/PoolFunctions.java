package io.functionruntime.pool;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * Handlers that show how instances, permits and deadlines behave. Each answers with the
 * id of the instance that served it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class PoolFunctions {

	static final AtomicInteger warmCreated = new AtomicInteger();

	static final AtomicInteger asyncCancelled = new AtomicInteger();

	@Bean
	Sleeper sleeper() {
		return new Sleeper();
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

	static long ms(HttpEvent event, long otherwise) {
		return Long.parseLong(event.queryStringParameters().getOrDefault("ms", String.valueOf(otherwise)));
	}

	/** Sleeps ms, giving up when interrupted. */
	static class Sleeper {

		@FunctionHandler("queue.sleep")
		Map<String, Object> queue(HttpEvent event) throws InterruptedException {
			Thread.sleep(ms(event, 200));
			return Map.of("body", "slept");
		}

		@FunctionHandler("limited.sleep")
		Map<String, Object> limited(HttpEvent event) throws InterruptedException {
			Thread.sleep(ms(event, 200));
			return Map.of("body", "slept");
		}

		@FunctionHandler("async.slow")
		CompletionStage<Map<String, Object>> async(HttpEvent event) {
			CompletableFuture<Map<String, Object>> later = CompletableFuture.supplyAsync(
					() -> Map.of("body", "late"), CompletableFuture.delayedExecutor(ms(event, 2000), TimeUnit.MILLISECONDS));
			later.whenComplete((value, failure) -> {
				if (later.isCancelled()) {
					asyncCancelled.incrementAndGet();
				}
			});
			return later;
		}

		@FunctionHandler("remaining.handler")
		Map<String, Object> remaining(HttpEvent event, Context context) throws InterruptedException {
			long before = context.getRemainingTimeInMillis();
			Thread.sleep(100);
			return Map.of("body", before + "," + context.getRemainingTimeInMillis());
		}

	}

	/** Sleeps ms and ignores interrupts, as badly written code does. */
	static void sleepIgnoringInterrupts(long ms) {
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
		boolean interrupted = false;
		while (System.nanoTime() < end) {
			try {
				Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Two instances of a handler that swallows interrupts. */
	static class Stubborn {

		final String id = UUID.randomUUID().toString();

		@FunctionHandler("stubborn.sleep")
		Map<String, Object> handler(HttpEvent event) {
			sleepIgnoringInterrupts(ms(event, 0));
			return Map.of("body", this.id);
		}

	}

	/** One instance of a handler that swallows interrupts. */
	static class StubbornSingle {

		@FunctionHandler("stubborn.single")
		Map<String, Object> handler(HttpEvent event) {
			sleepIgnoringInterrupts(ms(event, 0));
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
		Map<String, Object> handler(HttpEvent event) throws InterruptedException {
			this.maxRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				Thread.sleep(ms(event, 100));
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
			sleepIgnoringInterrupts(50);
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
