package io.functionruntime.actuate;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;
import io.functionruntime.http.Gate;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * Handlers with every outcome, for the metrics, endpoint and health tests; Actuator is on
 * the classpath.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OpsFunctions {

	/** Whether {@link Flaky} fails to be created. */
	static final AtomicBoolean flakyFails = new AtomicBoolean();

	@Bean
	Handlers handlers(ObservationRegistry observationRegistry) {
		return new Handlers(observationRegistry);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	Broken broken() {
		return new Broken();
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	Flaky flaky() {
		return new Flaky();
	}

	static class Handlers {

		private final ObservationRegistry observationRegistry;

		Handlers(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
		}

		@FunctionHandler("ok.handler")
		Map<String, Object> ok(HttpEvent event) {
			return Map.of("body", "ok");
		}

		@FunctionHandler("fail.handler")
		Map<String, Object> fail(HttpEvent event) {
			throw new IllegalStateException("boom");
		}

		@FunctionHandler("slow.handler")
		Map<String, Object> slow(HttpEvent event) throws InterruptedException {
			// Blocks until the runtime interrupts it at the deadline: nothing releases it
			new CountDownLatch(1).await();
			return Map.of("body", "late");
		}

		@FunctionHandler("busy.handler")
		Map<String, Object> busy(HttpEvent event) throws InterruptedException {
			Gate gate = Gate.of(event);
			if (gate != null) {
				gate.pass();
			}
			return Map.of("body", "done");
		}

		@FunctionHandler("malformed.handler")
		Map<String, Object> malformed(HttpEvent event) {
			return Map.of("statusCode", "teapot");
		}

		/** Answers with the observation current where the handler runs, as a span would see it. */
		@FunctionHandler("observed.handler")
		Map<String, Object> observed(Map<String, Object> event) {
			Observation current = this.observationRegistry.getCurrentObservation();
			return Map.of("body", (current != null)
					? current.getContext().getName() + " " + current.getContext().getLowCardinalityKeyValue("function").getValue()
					: "none");
		}

	}

	/** A handler whose object can never be created, as when its database is down. */
	static class Broken {

		Broken() {
			throw new IllegalStateException("no database");
		}

		@FunctionHandler("broken.handler")
		Map<String, Object> handle(HttpEvent event) {
			return Map.of("body", "never");
		}

	}

	/** A handler whose object fails to be created while {@link #flakyFails} is set. */
	static class Flaky {

		Flaky() {
			if (flakyFails.get()) {
				throw new IllegalStateException("flaky start");
			}
		}

		@FunctionHandler("flaky.handler")
		Map<String, Object> handle(HttpEvent event) {
			return Map.of("body", "started");
		}

	}

}
