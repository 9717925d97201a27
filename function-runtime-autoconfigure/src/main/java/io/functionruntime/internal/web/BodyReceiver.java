package io.functionruntime.internal.web;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * Receives the rest of a body that had not arrived with the headers, as it comes, so that
 * no thread waits for a slow client: within {@code body-read-timeout}, and without a stall
 * longer than the connection timeout, or the call is answered 408. Once the body is in, the
 * call goes on on the container thread that read its last bytes. Exactly one of the answer
 * and the call happens, whichever way the body ends.
 */
final class BodyReceiver implements ReadListener, AsyncListener {

	private final RequestBody body;

	private final ServletInputStream in;

	private final AsyncContext async;

	private final Duration timeout;

	private final Call call;

	private final Answer answer;

	private final AtomicBoolean settled = new AtomicBoolean();

	private BodyReceiver(RequestBody body, ServletInputStream in, AsyncContext async, Duration timeout, Call call,
			Answer answer) {
		this.body = body;
		this.in = in;
		this.async = async;
		this.timeout = timeout;
		this.call = call;
		this.answer = answer;
	}

	/**
	 * Starts receiving.
	 * @param body the body, with what had arrived already
	 * @param in the request's stream
	 * @param async the request, made asynchronous
	 * @param timeout the longest the body may take
	 * @param call what goes on with the whole body
	 * @param answer writes the answer to a call that failed, without completing it
	 */
	static void start(RequestBody body, ServletInputStream in, AsyncContext async, Duration timeout, Call call,
			Answer answer) {
		BodyReceiver receiver = new BodyReceiver(body, in, async, timeout, call, answer);
		async.setTimeout(timeout.toMillis());
		async.addListener(receiver);
		in.setReadListener(receiver);
	}

	@Override
	public void onDataAvailable() throws IOException {
		this.body.readReady(this.in);
	}

	@Override
	public void onAllDataRead() {
		if (this.settled.compareAndSet(false, true)) {
			this.async.setTimeout(0);
			try {
				this.call.proceed(this.body.bytes(), this.async);
			}
			catch (Throwable ex) {
				this.answer.write(ex);
				this.async.complete();
			}
		}
	}

	/**
	 * Answers a body that failed to arrive. The call is completed only in the container's
	 * error phase that follows ({@link #onError(AsyncEvent)}), which otherwise would hand
	 * it to the application's error page.
	 */
	@Override
	public void onError(Throwable failure) {
		if (this.settled.compareAndSet(false, true)) {
			this.answer.write((failure instanceof SocketTimeoutException)
					? RequestRejectedException.bodyTimeout(this.timeout) : failure);
		}
	}

	@Override
	public void onError(AsyncEvent event) {
		if (this.settled.compareAndSet(false, true)) {
			this.answer.write(event.getThrowable());
		}
		this.async.complete();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		if (this.settled.compareAndSet(false, true)) {
			this.answer.write(RequestRejectedException.bodyTimeout(this.timeout));
			this.async.complete();
		}
	}

	@Override
	public void onComplete(AsyncEvent event) {
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

	/** What goes on with the whole body. */
	@FunctionalInterface
	interface Call {

		void proceed(byte[] body, AsyncContext async) throws IOException;

	}

	/** Writes the answer to a call that failed. */
	@FunctionalInterface
	interface Answer {

		void write(Throwable failure);

	}

}
