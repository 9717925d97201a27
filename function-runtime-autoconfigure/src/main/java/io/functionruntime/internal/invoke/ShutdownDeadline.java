package io.functionruntime.internal.invoke;

import java.util.function.Supplier;

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

	private final Supplier<FunctionInvoker> invoker;

	private volatile boolean running;

	public ShutdownDeadline(Supplier<FunctionInvoker> invoker) {
		this.invoker = invoker;
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
