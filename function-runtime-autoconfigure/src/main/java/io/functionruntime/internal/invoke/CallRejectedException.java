package io.functionruntime.internal.invoke;

/**
 * A call the pool would not take.
 */
final class CallRejectedException extends Exception {

	private final Reason reason;

	CallRejectedException(Reason reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

	/**
	 * Why a call was turned away.
	 */
	enum Reason {

		/** Over the requests limit, or no instance before the deadline: the cloud's 429. */
		TOO_MANY_REQUESTS,

		/** The application is stopping. */
		SHUTTING_DOWN

	}

}
