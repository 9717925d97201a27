package io.functionruntime.web;

/**
 * A request the runtime answers itself, before any handler is called: a bad request, a
 * request too large, an unknown function. It carries the status and the error body.
 */
final class RequestRejectedException extends RuntimeException {

	private final int status;

	private final String errorType;

	RequestRejectedException(int status, String errorType, String message) {
		super(message, null, false, false);
		this.status = status;
		this.errorType = errorType;
	}

	static RequestRejectedException badRequest(String message) {
		return new RequestRejectedException(400, "BadRequest", message);
	}

	static RequestRejectedException tooLarge(long limit) {
		return new RequestRejectedException(413, "RequestTooLarge",
				"Request is too large: the event may hold at most " + limit + " bytes");
	}

	int status() {
		return this.status;
	}

	String errorType() {
		return this.errorType;
	}

}
