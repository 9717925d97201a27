package io.functionruntime.internal.trigger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.invoke.Outcome;
import io.functionruntime.registry.FunctionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Polls one queue on a thread of its own and calls the trigger's function with each
 * batch, one batch at a time: long polls until a first message arrives, waits up to the
 * cutoff for the batch to fill, calls through the invoker, and deletes the batch when the
 * call succeeded. A batch whose call failed, timed out or was turned away is left in the
 * queue, so that it reappears after the visibility timeout and the queue's redrive policy
 * may move it to its dead-letter queue.
 */
final class QueueTriggerPoller implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger("function-runtime.trigger");

	private static final long BACKOFF_MILLIS = 1000;

	private final QueueTrigger trigger;

	/**
	 * The client of the current start: stopping cuts a long poll off by closing it, so each
	 * start, a restart of the context included, gets a new one.
	 */
	private volatile SqsClient client;

	private final FunctionInvoker invoker;

	private final EventBinder eventBinder;

	private final Executor callers;

	private final Object lock = new Object();

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong failedBatches = new AtomicLong();

	private final AtomicLong messages = new AtomicLong();

	private final AtomicLong pollErrors = new AtomicLong();

	private volatile boolean polling;

	private boolean receiving;

	private volatile Instant lastBatchAt;

	private volatile int lastBatchSize;

	private volatile String lastFailure;

	private Thread thread;

	QueueTriggerPoller(QueueTrigger trigger, FunctionInvoker invoker, EventBinder eventBinder, Executor callers) {
		this.trigger = trigger;
		this.invoker = invoker;
		this.eventBinder = eventBinder;
		this.callers = callers;
	}

	QueueTrigger trigger() {
		return this.trigger;
	}

	void start() {
		synchronized (this.lock) {
			close();
			this.client = this.trigger.connection().newClient();
		}
		this.polling = true;
		this.thread = new Thread(this, "function-queue-" + this.trigger.name());
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Stops polling: a long poll in progress is cut off by closing the client (what it
	 * received returns to the queue after the visibility timeout), while a batch in hand
	 * goes on to its end and its deletion.
	 */
	void stopPolling() {
		synchronized (this.lock) {
			this.polling = false;
			if (this.receiving) {
				close();
			}
			this.lock.notifyAll();
		}
	}

	/**
	 * Waits until the batch in hand is finished, at most until the deadline.
	 * @param deadlineNanos the end of the wait, as {@link System#nanoTime()}
	 * @return whether the poller has ended
	 */
	boolean awaitEnd(long deadlineNanos) throws InterruptedException {
		Thread polled = this.thread;
		if (polled != null) {
			polled.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
			return !polled.isAlive();
		}
		return true;
	}

	void close() {
		SqsClient started = this.client;
		if (started != null) {
			started.close();
		}
	}

	QueueTriggerState state() {
		return new QueueTriggerState(this.trigger.name(), this.trigger.function().entryPoint(), this.trigger.queueUrl(),
				this.trigger.enabled(), this.polling, this.batches.get(), this.failedBatches.get(), this.messages.get(),
				this.pollErrors.get(), this.lastBatchAt, this.lastBatchSize, this.lastFailure);
	}

	@Override
	public void run() {
		while (this.polling) {
			List<Message> batch;
			try {
				batch = collect();
			}
			catch (RuntimeException ex) {
				if (this.polling) {
					pollFailed(ex);
				}
				continue;
			}
			if (!batch.isEmpty() && !this.polling) {
				logger.info("Message Queue trigger '{}' stops: {} message(s) received but not yet handed to {} "
						+ "return to the queue after its visibility timeout", this.trigger.name(), batch.size(),
						this.trigger.function().entryPoint());
			}
			else if (!batch.isEmpty()) {
				process(batch);
			}
		}
	}

	/**
	 * Receives a batch: the first receive waits as long as the API allows for a message,
	 * the next ones only until the cutoff since the first message came.
	 */
	private List<Message> collect() {
		List<Message> batch = new ArrayList<>(this.trigger.batchSize());
		long cutoffNanos = 0;
		while (this.polling && batch.size() < this.trigger.batchSize()) {
			int waitSeconds = QueueTrigger.MAX_WAIT_SECONDS;
			if (!batch.isEmpty()) {
				long remaining = cutoffNanos - System.nanoTime();
				if (remaining <= 0) {
					break;
				}
				waitSeconds = (int) Math.min(QueueTrigger.MAX_WAIT_SECONDS,
						Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remaining + 999_999_999L)));
			}
			List<Message> received = receive(this.trigger.batchSize() - batch.size(), waitSeconds);
			if (batch.isEmpty() && !received.isEmpty()) {
				cutoffNanos = System.nanoTime() + this.trigger.batchCutoff().toNanos();
			}
			batch.addAll(received);
		}
		return batch;
	}

	private List<Message> receive(int most, int waitSeconds) {
		synchronized (this.lock) {
			if (!this.polling) {
				return List.of();
			}
			this.receiving = true;
		}
		try {
			ReceiveMessageRequest.Builder request = ReceiveMessageRequest.builder()
				.queueUrl(this.trigger.queueUrl())
				.maxNumberOfMessages(most)
				.waitTimeSeconds(waitSeconds)
				.messageSystemAttributeNames(QueueMessageEvents.SYSTEM_ATTRIBUTES)
				.messageAttributeNames("All");
			if (this.trigger.visibilityTimeout() != null) {
				request.visibilityTimeout((int) this.trigger.visibilityTimeout().toSeconds());
			}
			return this.client.receiveMessage(request.build()).messages();
		}
		finally {
			synchronized (this.lock) {
				this.receiving = false;
			}
		}
	}

	private void pollFailed(RuntimeException ex) {
		this.pollErrors.incrementAndGet();
		this.lastFailure = "receive failed: " + ex.getMessage();
		logger.warn("Message Queue trigger '{}' could not receive from {}: {}; trying again in {} ms",
				this.trigger.name(), this.trigger.queueUrl(), ex.toString(), BACKOFF_MILLIS);
		synchronized (this.lock) {
			try {
				if (this.polling) {
					this.lock.wait(BACKOFF_MILLIS);
				}
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				this.polling = false;
			}
		}
	}

	/** Calls the function with a batch, on a thread of its own, and deletes it on success. */
	private void process(List<Message> batch) {
		FunctionDefinition function = this.trigger.function();
		String requestId = UUID.randomUUID().toString();
		this.batches.incrementAndGet();
		this.lastBatchAt = Instant.now();
		this.lastBatchSize = batch.size();
		CompletableFuture<InvocationResult> ended = new CompletableFuture<>();
		this.callers.execute(() -> {
			try {
				Object event = this.eventBinder.bindJson(QueueMessageEvents.of(this.trigger, batch), function.adapter());
				this.invoker.invoke(function, event, requestId, (result) -> {
					ended.complete(result);
					return Outcome.of(result);
				});
			}
			catch (IOException | RuntimeException ex) {
				ended.complete(new InvocationResult.Failure(ex));
			}
		});
		InvocationResult result = ended.join();
		String problem = TriggerProblems.of(result);
		if (problem == null) {
			delete(batch, requestId);
			return;
		}
		this.failedBatches.incrementAndGet();
		this.lastFailure = "the call " + problem;
		logger.warn("Message Queue trigger '{}': the call of {} with {} message(s) {}, RequestID: {}; the messages "
				+ "return to the queue after its visibility timeout", this.trigger.name(), function.entryPoint(),
				batch.size(), problem, requestId);
	}

	private void delete(List<Message> batch, String requestId) {
		List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			entries.add(DeleteMessageBatchRequestEntry.builder()
				.id(Integer.toString(i))
				.receiptHandle(batch.get(i).receiptHandle())
				.build());
		}
		try {
			List<BatchResultErrorEntry> failed = this.client
				.deleteMessageBatch((request) -> request.queueUrl(this.trigger.queueUrl()).entries(entries))
				.failed();
			this.messages.addAndGet(batch.size() - failed.size());
			if (!failed.isEmpty()) {
				deleteFailed(requestId, failed.size(), failed.get(0).message());
			}
		}
		catch (RuntimeException ex) {
			deleteFailed(requestId, batch.size(), ex.toString());
		}
	}

	private void deleteFailed(String requestId, int count, String reason) {
		this.pollErrors.incrementAndGet();
		this.lastFailure = "delete failed: " + reason;
		logger.warn("Message Queue trigger '{}' could not delete {} message(s) of the successful call, RequestID: {}: "
				+ "{}; they will be delivered again", this.trigger.name(), count, requestId, reason);
	}

}
