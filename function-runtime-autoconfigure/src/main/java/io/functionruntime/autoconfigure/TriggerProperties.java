package io.functionruntime.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the triggers that call functions without an HTTP request: timers and
 * Message Queue triggers, by name, and the cloud and folder their messages name.
 */
@ConfigurationProperties("function-runtime.triggers")
public class TriggerProperties {

	/**
	 * Cloud id in the messages of every trigger. Defaults to a stable generated id.
	 */
	private String cloudId;

	/**
	 * Folder id in the messages of every trigger. Defaults to a stable generated id.
	 */
	private String folderId;

	/**
	 * Timer triggers, keyed by name.
	 */
	private final Map<String, Timer> timers = new LinkedHashMap<>();

	/**
	 * Message Queue triggers, keyed by name: each polls an SQS-compatible queue and calls a
	 * function with batches of its messages.
	 */
	private final Map<String, MessageQueue> messageQueues = new LinkedHashMap<>();

	public String getCloudId() {
		return this.cloudId;
	}

	public void setCloudId(String cloudId) {
		this.cloudId = cloudId;
	}

	public String getFolderId() {
		return this.folderId;
	}

	public void setFolderId(String folderId) {
		this.folderId = folderId;
	}

	public Map<String, Timer> getTimers() {
		return this.timers;
	}

	public Map<String, MessageQueue> getMessageQueues() {
		return this.messageQueues;
	}

	/**
	 * A trigger that calls a function on a schedule.
	 */
	public static class Timer {

		/**
		 * Entry point or id of the function to call.
		 */
		private String function;

		/**
		 * When to call it, in UTC: the cloud's cron format "Minutes Hours Day-of-month Month
		 * Day-of-week [Year]" with a '?' in one of the day fields, or Spring's six fields
		 * starting with seconds for schedules finer than a minute.
		 */
		private String cron;

		/**
		 * Payload of every message, passed to the function as details.payload.
		 */
		private String payload = "";

		/**
		 * Whether the trigger fires. A disabled trigger is still checked at startup.
		 */
		private boolean enabled = true;

		/**
		 * Trigger id in the messages. Defaults to a stable id generated from the name.
		 */
		private String id;

		/**
		 * How many times a call that failed, timed out or was refused is tried again.
		 */
		private int retryAttempts = 0;

		/**
		 * How long to wait before each retry.
		 */
		private Duration retryInterval = Duration.ofSeconds(10);

		public String getFunction() {
			return this.function;
		}

		public void setFunction(String function) {
			this.function = function;
		}

		public String getCron() {
			return this.cron;
		}

		public void setCron(String cron) {
			this.cron = cron;
		}

		public String getPayload() {
			return this.payload;
		}

		public void setPayload(String payload) {
			this.payload = payload;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public int getRetryAttempts() {
			return this.retryAttempts;
		}

		public void setRetryAttempts(int retryAttempts) {
			this.retryAttempts = retryAttempts;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

	}

	/**
	 * A trigger that long-polls a queue and calls a function with each batch of its
	 * messages, deleting the batch when the call succeeds.
	 */
	public static class MessageQueue extends QueueConnectionProperties {

		/**
		 * Entry point or id of the function to call.
		 */
		private String function;

		/**
		 * URL of the queue, such as
		 * "https://message-queue.api.cloud.yandex.net/b1gXXXX/dj6XXXX/orders".
		 */
		private String queueUrl;

		/**
		 * Queue id in the messages, details.queue_id. Defaults to the ARN the cloud gives the
		 * queue: "yrn:yc:ymq:<region>:<folder id>:<queue name>".
		 */
		private String queueId;

		/**
		 * Most messages in one call, from 1 to 10.
		 */
		private int batchSize = 1;

		/**
		 * Longest wait for a batch to fill once its first message has arrived, from 0 to
		 * 20 seconds.
		 */
		private Duration batchCutoff = Duration.ofSeconds(10);

		/**
		 * How long the received messages stay hidden from other consumers, from 0 to 12
		 * hours: a failed batch reappears after it. Defaults to the queue's own
		 * VisibilityTimeout.
		 */
		private Duration visibilityTimeout;

		/**
		 * Whether the trigger polls. A disabled trigger is still checked at startup.
		 */
		private boolean enabled = true;

		public String getFunction() {
			return this.function;
		}

		public void setFunction(String function) {
			this.function = function;
		}

		public String getQueueUrl() {
			return this.queueUrl;
		}

		public void setQueueUrl(String queueUrl) {
			this.queueUrl = queueUrl;
		}

		public String getQueueId() {
			return this.queueId;
		}

		public void setQueueId(String queueId) {
			this.queueId = queueId;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getBatchCutoff() {
			return this.batchCutoff;
		}

		public void setBatchCutoff(Duration batchCutoff) {
			this.batchCutoff = batchCutoff;
		}

		public Duration getVisibilityTimeout() {
			return this.visibilityTimeout;
		}

		public void setVisibilityTimeout(Duration visibilityTimeout) {
			this.visibilityTimeout = visibilityTimeout;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
