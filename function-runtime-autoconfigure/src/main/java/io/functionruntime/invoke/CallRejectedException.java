package io.functionruntime.invoke;

/**
 * A call the pool would not take: the cloud's {@code 429 TooManyRequests}.
 */
final class CallRejectedException extends Exception {

	CallRejectedException(String message) {
		super(message, null, false, false);
	}

}
