package io.functionruntime.autoconfigure;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of asynchronous calls ({@code ?integration=async}): the buffer they wait
 * in, the threads that make them, and how to reach the queues their results go to. Each
 * function's retries and queues are its own settings, under
 * {@code function-runtime.functions[<entry point>]}.
 */
@ConfigurationProperties("function-runtime.async")
public class AsyncProperties {

	/**
	 * Most asynchronous calls accepted but not yet started; beyond it a call is answered
	 * 429.
	 */
	private int bufferSize = 1000;

	/**
	 * Most asynchronous calls made at once, each on a thread of its own, created when
	 * needed.
	 */
	private int workers = 8;

	/**
	 * Endpoint of the queue service of the success and failure queues. Defaults to the
	 * scheme, host and port of each queue URL.
	 */
	private URI endpoint;

	/**
	 * Region the requests to the queues are signed for.
	 */
	private String region = "ru-central1";

	/**
	 * Access key id of a static key that may send to the queues. Without one, the AWS
	 * SDK's default credentials chain is used.
	 */
	private String accessKeyId;

	/**
	 * Secret access key of the static key.
	 */
	private String secretAccessKey;

	public int getBufferSize() {
		return this.bufferSize;
	}

	public void setBufferSize(int bufferSize) {
		this.bufferSize = bufferSize;
	}

	public int getWorkers() {
		return this.workers;
	}

	public void setWorkers(int workers) {
		this.workers = workers;
	}

	public URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(URI endpoint) {
		this.endpoint = endpoint;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getAccessKeyId() {
		return this.accessKeyId;
	}

	public void setAccessKeyId(String accessKeyId) {
		this.accessKeyId = accessKeyId;
	}

	public String getSecretAccessKey() {
		return this.secretAccessKey;
	}

	public void setSecretAccessKey(String secretAccessKey) {
		this.secretAccessKey = secretAccessKey;
	}

}
