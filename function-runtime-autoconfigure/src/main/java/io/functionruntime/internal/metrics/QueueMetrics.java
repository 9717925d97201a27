package io.functionruntime.internal.metrics;

import java.util.List;
import java.util.function.ToDoubleFunction;

import io.functionruntime.internal.async.AsyncInvocations;
import io.functionruntime.internal.async.AsyncState;
import io.functionruntime.internal.trigger.QueueTriggerRunner;
import io.functionruntime.internal.trigger.QueueTriggerState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters of the Message Queue triggers, tagged with the trigger's name and function, and
 * of the asynchronous calls' buffer. They read the triggers' and the buffer's state when
 * they are scraped, not on the call path.
 */
public final class QueueMetrics implements MeterBinder {

	/** Gauge: 1 while a trigger polls, else 0. */
	public static final String POLLING = "function.trigger.queue.polling";

	/** Counter of a trigger's calls, tagged {@code outcome} {@code success} or {@code failure}. */
	public static final String BATCHES = "function.trigger.queue.batches";

	/** Counter of the messages a trigger deleted after successful calls. */
	public static final String MESSAGES = "function.trigger.queue.messages";

	/** Counter of a trigger's requests to its queue that failed. */
	public static final String ERRORS = "function.trigger.queue.errors";

	/** Gauge of the messages of a trigger's last batch. */
	public static final String LAST_BATCH_SIZE = "function.trigger.queue.last.batch.size";

	/** Gauge of the asynchronous calls accepted and waiting to start. */
	public static final String ASYNC_BUFFERED = "function.async.buffered";

	/** Counter of the asynchronous calls, tagged {@code result} {@code accepted} or {@code refused}. */
	public static final String ASYNC_CALLS = "function.async.calls";

	private final QueueTriggerRunner triggers;

	private final AsyncInvocations async;

	/**
	 * @param triggers the triggers, or {@code null} when none is configured
	 * @param async the asynchronous calls, or {@code null} without them
	 */
	public QueueMetrics(QueueTriggerRunner triggers, AsyncInvocations async) {
		this.triggers = triggers;
		this.async = async;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.triggers != null) {
			List<QueueTriggerState> states = this.triggers.states();
			for (int i = 0; i < states.size(); i++) {
				bindTrigger(registry, i, states.get(i));
			}
		}
		if (this.async != null) {
			Gauge.builder(ASYNC_BUFFERED, this.async, (async) -> async.state().buffered())
				.description("Asynchronous calls accepted and waiting to start")
				.baseUnit("calls")
				.register(registry);
			asyncCalls(registry, "accepted", AsyncState::accepted);
			asyncCalls(registry, "refused", AsyncState::refused);
		}
	}

	private void bindTrigger(MeterRegistry registry, int index, QueueTriggerState initial) {
		Tags tags = Tags.of("trigger", initial.name(), "function", initial.function());
		Gauge.builder(POLLING, this.triggers, (runner) -> runner.states().get(index).polling() ? 1 : 0)
			.description("Whether the Message Queue trigger polls its queue")
			.tags(tags)
			.register(registry);
		Gauge.builder(LAST_BATCH_SIZE, this.triggers, (runner) -> runner.states().get(index).lastBatchSize())
			.description("Messages of the trigger's last batch")
			.baseUnit("messages")
			.tags(tags)
			.register(registry);
		counter(registry, BATCHES, tags.and("outcome", "success"), "Calls of the trigger's function",
				(state) -> state.batches() - state.failedBatches(), index);
		counter(registry, BATCHES, tags.and("outcome", "failure"), "Calls of the trigger's function",
				QueueTriggerState::failedBatches, index);
		counter(registry, MESSAGES, tags, "Messages deleted after successful calls", QueueTriggerState::messages,
				index);
		counter(registry, ERRORS, tags, "Requests to the queue that failed", QueueTriggerState::pollErrors, index);
	}

	private void counter(MeterRegistry registry, String name, Tags tags, String description,
			ToDoubleFunction<QueueTriggerState> value, int index) {
		FunctionCounter.builder(name, this.triggers, (runner) -> value.applyAsDouble(runner.states().get(index)))
			.description(description)
			.tags(tags)
			.register(registry);
	}

	private void asyncCalls(MeterRegistry registry, String result, ToDoubleFunction<AsyncState> value) {
		FunctionCounter.builder(ASYNC_CALLS, this.async, (async) -> value.applyAsDouble(async.state()))
			.description("Asynchronous calls answered 202 (accepted) or 429 (refused)")
			.tags("result", result)
			.register(registry);
	}

}
