package io.functionruntime.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of asynchronous calls ({@code ?integration=async}): the buffer they wait
 * in, the threads that make them, and how to reach the queues their results go to (the
 * endpoint defaults to each queue URL's scheme, host and port). Each
 * function's retries and queues are its own settings, under
 * {@code function-runtime.functions[<entry point>]}.
 */
@ConfigurationProperties("function-runtime.async")
public class AsyncProperties extends QueueConnectionProperties {

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

}
