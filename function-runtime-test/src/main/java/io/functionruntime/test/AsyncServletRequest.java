package io.functionruntime.test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A mock servlet request that goes asynchronous as a server's does, so that an in-process
 * call takes the same path through the runtime as a call over HTTP, and that tells when
 * its answer is complete, whichever thread wrote it.
 */
final class AsyncServletRequest extends MockHttpServletRequest {

	private final CountDownLatch completed = new CountDownLatch(1);

	AsyncServletRequest(String method, String requestUri) {
		super(method, requestUri);
		setAsyncSupported(true);
	}

	@Override
	public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
		MockAsyncContext context = new MockAsyncContext(request, response) {

			@Override
			public void complete() {
				super.complete();
				AsyncServletRequest.this.completed.countDown();
			}

		};
		setAsyncStarted(true);
		setAsyncContext(context);
		return context;
	}

	/**
	 * Waits until the answer of a request that went asynchronous is complete.
	 * @param timeout how long to wait at most
	 * @return whether the answer is complete
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	boolean awaitAnswer(Duration timeout) throws InterruptedException {
		return getAsyncContext() == null || this.completed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

}
