package io.functionruntime.internal.trigger;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import io.functionruntime.TimerEvent;
import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.invoke.Outcome;
import io.functionruntime.registry.FunctionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Fires every enabled timer trigger on its schedule and calls its function through the
 * {@link FunctionInvoker}, as an HTTP call is made: the same instances, deadline and logs,
 * so a busy function is never entered twice. Each fire calls on a thread of its own, so
 * fires that overlap a running call wait in the function's line or are refused, as its
 * pool decides. A failed, timed-out or refused call is logged with its request id through
 * the logger {@code function-runtime.trigger} and tried again as configured.
 * <p>
 * The schedule runs on a scheduler of its own, never the application's.
 */
public class TimerTriggerScheduler implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger("function-runtime.trigger");

	private final List<TimerTrigger> triggers;

	private final FunctionInvoker invoker;

	private final EventBinder eventBinder;

	private final ThreadPoolTaskScheduler timer = new ThreadPoolTaskScheduler();

	private final SimpleAsyncTaskExecutor callers = new SimpleAsyncTaskExecutor("function-trigger-");

	private final List<ScheduledFuture<?>> schedules = new ArrayList<>();

	private volatile boolean running;

	public TimerTriggerScheduler(List<TimerTrigger> triggers, FunctionInvoker invoker, EventBinder eventBinder) {
		this.triggers = List.copyOf(triggers);
		this.invoker = invoker;
		this.eventBinder = eventBinder;
		this.timer.setThreadNamePrefix("function-timer-");
		this.timer.setDaemon(true);
		this.timer.setRemoveOnCancelPolicy(true);
		this.timer.initialize();
		this.callers.setDaemon(true);
	}

	/** @return every trigger, enabled or not */
	public List<TimerTrigger> triggers() {
		return this.triggers;
	}

	@Override
	public synchronized void start() {
		for (TimerTrigger trigger : this.triggers) {
			if (trigger.enabled()) {
				logger.info("Timer trigger '{}' calls {} on '{}' (UTC)", trigger.name(), trigger.function().entryPoint(),
						trigger.cron());
				this.schedules.add(this.timer.schedule(() -> fire(trigger),
						new CronTrigger(trigger.cron(), ZoneOffset.UTC)));
			}
		}
		this.running = true;
	}

	/**
	 * Stops firing, before the invoker stops taking calls; calls already made go on until
	 * they end or reach their deadline, and their retries are dropped.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		this.schedules.forEach((schedule) -> schedule.cancel(false));
		this.schedules.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void destroy() {
		this.timer.shutdown();
		this.callers.close();
	}

	/**
	 * Fires a trigger once now, enabled or not, and waits until its call has ended: what a
	 * test does instead of waiting for the schedule. The call is made as a scheduled one,
	 * with a new event and request id and its problem logged, but it is not retried, so that
	 * the caller learns how this one call ended.
	 * @param trigger the trigger's name in the configuration, or its trigger id
	 * @return how the call ended
	 * @throws IllegalArgumentException when no trigger has that name or id
	 */
	public InvocationResult fireNow(String trigger) {
		TimerTrigger timer = this.triggers.stream()
			.filter((candidate) -> candidate.name().equals(trigger) || candidate.triggerId().equals(trigger))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No timer trigger is named '" + trigger
					+ "' or has that id; the timers are "
					+ this.triggers.stream().map(TimerTrigger::name).toList()));
		return call(timer, timer.newEvent(Instant.now()), 0, false).join();
	}

	private void fire(TimerTrigger trigger) {
		TimerEvent event = trigger.newEvent(Instant.now());
		this.callers.execute(() -> attempt(trigger, event, 0));
	}

	private void attempt(TimerTrigger trigger, TimerEvent event, int retry) {
		if (this.running) {
			call(trigger, event, retry, true);
		}
	}

	/** Calls the function once, and tries again as configured when it may. */
	private CompletableFuture<InvocationResult> call(TimerTrigger trigger, TimerEvent event, int retry,
			boolean mayRetry) {
		CompletableFuture<InvocationResult> ended = new CompletableFuture<>();
		FunctionDefinition function = trigger.function();
		String requestId = UUID.randomUUID().toString();
		try {
			this.invoker.invoke(function, this.eventBinder.bindJson(event, function.adapter()), requestId,
					(result) -> {
						settle(trigger, event, retry, mayRetry, requestId, result);
						ended.complete(result);
						return Outcome.of(result);
					});
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Timer trigger '{}' could not call {}, RequestID: {}", trigger.name(), function.entryPoint(),
					requestId, ex);
			ended.completeExceptionally(ex);
		}
		return ended;
	}

	/**
	 * Logs a call that did not succeed and tries it again as configured; the invoker hands
	 * over a timeout at the deadline, so a retry never waits for a stuck handler.
	 */
	private void settle(TimerTrigger trigger, TimerEvent event, int retry, boolean mayRetry, String requestId,
			InvocationResult result) {
		String problem = TriggerProblems.of(result);
		if (problem == null) {
			return;
		}
		boolean again = mayRetry && retry < trigger.retryAttempts()
				&& !(result instanceof InvocationResult.ShuttingDown);
		logger.warn("Timer trigger '{}': the call of {} {}, RequestID: {}; {}", trigger.name(),
				trigger.function().entryPoint(), problem, requestId, again ? "retry " + (retry + 1) + " of "
						+ trigger.retryAttempts() + " in " + trigger.retryInterval().toMillis() + " ms" : "no retry");
		if (again) {
			this.timer.schedule(() -> this.callers.execute(() -> attempt(trigger, event, retry + 1)),
					Instant.now().plus(trigger.retryInterval()));
		}
	}

}
