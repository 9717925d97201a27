package io.functionruntime.internal.trigger;

import java.time.Duration;
import java.util.List;

import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.invoke.FunctionInvoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Runs every enabled Message Queue trigger, each on a poller of its own, and calls their
 * functions through the {@link FunctionInvoker}, as HTTP calls are made: the same
 * instances, deadline and logs. At shutdown it stops before the invoker: the pollers stop
 * receiving, and the batches in hand are finished, and deleted on success, within the
 * grace period.
 */
public class QueueTriggerRunner implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger("function-runtime.trigger");

	private final List<QueueTriggerPoller> pollers;

	private final Duration gracePeriod;

	private final SimpleAsyncTaskExecutor callers = new SimpleAsyncTaskExecutor("function-queue-call-");

	private volatile boolean running;

	/**
	 * Creates the runner, with a client for each trigger.
	 * @param triggers the triggers, enabled or not
	 * @param invoker the invoker of every call
	 * @param eventBinder the binder of the events to what the handlers take
	 * @param gracePeriod how long the batches in hand get to finish at shutdown
	 */
	public QueueTriggerRunner(List<QueueTrigger> triggers, FunctionInvoker invoker, EventBinder eventBinder,
			Duration gracePeriod) {
		this.callers.setDaemon(true);
		this.pollers = triggers.stream()
			.map((trigger) -> new QueueTriggerPoller(trigger, invoker, eventBinder, this.callers))
			.toList();
		this.gracePeriod = gracePeriod;
	}

	/** @return every trigger, enabled or not */
	public List<QueueTrigger> triggers() {
		return this.pollers.stream().map(QueueTriggerPoller::trigger).toList();
	}

	/** @return what every trigger is doing now, in the order of the configuration */
	public List<QueueTriggerState> states() {
		return this.pollers.stream().map(QueueTriggerPoller::state).toList();
	}

	@Override
	public synchronized void start() {
		for (QueueTriggerPoller poller : this.pollers) {
			QueueTrigger trigger = poller.trigger();
			if (trigger.enabled()) {
				logger.info("Message Queue trigger '{}' calls {} with batches of up to {} message(s) of {}",
						trigger.name(), trigger.function().entryPoint(), trigger.batchSize(), trigger.queueUrl());
				poller.start();
			}
		}
		this.running = true;
	}

	/**
	 * Stops every poller, then waits for their batches in hand, within the grace period: a
	 * batch that outlasts it is answered by the invoker's shutdown and left in the queue.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		this.pollers.forEach(QueueTriggerPoller::stopPolling);
		long deadline = System.nanoTime() + this.gracePeriod.toNanos();
		try {
			for (QueueTriggerPoller poller : this.pollers) {
				if (!poller.awaitEnd(deadline)) {
					logger.warn("Message Queue trigger '{}' still calls {} at the end of the shutdown grace period; "
							+ "its batch returns to the queue after the visibility timeout unless the call ends in "
							+ "time", poller.trigger().name(), poller.trigger().function().entryPoint());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void destroy() {
		this.pollers.forEach(QueueTriggerPoller::close);
		this.callers.close();
	}

}
