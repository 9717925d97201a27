package io.functionruntime.internal.invoke;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

import io.functionruntime.registry.FunctionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * The end of the grace period that running calls get at shutdown
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}). Its phase stops after the web
 * server's graceful shutdown has waited for the calls in flight and before the web server
 * stops, so that a call still running then is answered 503 rather than cut off.
 * <p>
 * The invoker is looked up when the calls are answered rather than injected: Spring stops
 * the beans that depend on a bean before the bean itself, which would end the grace
 * period as soon as the invoker stops taking calls.
 */
public class ShutdownDeadline implements SmartLifecycle {

	/**
	 * Between the web server's graceful shutdown and its stop, which is
	 * {@code SmartLifecycle.DEFAULT_PHASE - 2048}.
	 */
	static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 512;

	private static final Logger logger = LoggerFactory.getLogger(ShutdownDeadline.class);

	private final Supplier<FunctionInvoker> invoker;

	private volatile boolean running;

	/**
	 * Creates the deadline, warning about each function whose timeout is longer than the
	 * grace period, since a shutdown can cut such a call short.
	 * @param invoker the invoker whose calls are answered
	 * @param functions the functions
	 * @param gracePeriod the grace period of the shutdown
	 */
	public ShutdownDeadline(Supplier<FunctionInvoker> invoker, Collection<FunctionDefinition> functions,
			Duration gracePeriod) {
		this.invoker = invoker;
		for (FunctionDefinition function : functions) {
			Duration timeout = function.settings().timeout();
			if (timeout.compareTo(gracePeriod) > 0) {
				logger.warn("Function {} has a timeout of {} ms, longer than the shutdown grace period of {} ms "
						+ "(spring.lifecycle.timeout-per-shutdown-phase): a call still running when the grace period "
						+ "ends is answered 503 ServiceUnavailable. Raise spring.lifecycle.timeout-per-shutdown-phase "
						+ "to at least {} ms or lower function-runtime.functions[{}].timeout", function.entryPoint(),
						timeout.toMillis(), gracePeriod.toMillis(), timeout.toMillis(), function.entryPoint());
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Answers the calls that outlived the web server's graceful shutdown. */
	@Override
	public void stop() {
		this.running = false;
		this.invoker.get().answerUnfinished();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
