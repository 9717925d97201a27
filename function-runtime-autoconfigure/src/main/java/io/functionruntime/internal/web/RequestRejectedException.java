package io.functionruntime.internal.web;

import java.time.Duration;

/**
 * A request the runtime answers itself, before any handler is called: a bad request, a
 * request too large, an unknown function, a call to a private function its caller may not
 * make. It carries the status and the error body.
 */
public final class RequestRejectedException extends RuntimeException {

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

	static RequestRejectedException bodyTimeout(Duration timeout) {
		return new RequestRejectedException(408, "RequestTimeout",
				"The request body did not arrive in time: the client stopped sending, or took longer than "
						+ timeout.toMillis() + " ms (function-runtime.body-read-timeout)");
	}

	/**
	 * A call whose body is over a limit.
	 * @param message which limit, and how large it is
	 * @return the rejection, 413 Request Too Large
	 */
	public static RequestRejectedException tooLarge(String message) {
		return new RequestRejectedException(413, "RequestTooLarge", message);
	}

	/**
	 * A call that reaches nothing.
	 * @param message what was asked for
	 * @return the rejection, 404 Not Found
	 */
	public static RequestRejectedException notFound(String message) {
		return new RequestRejectedException(404, "NotFound", message);
	}

	/**
	 * A call to something the runtime does not emulate.
	 * @param message what is not emulated
	 * @return the rejection, 501 Not Implemented
	 */
	public static RequestRejectedException notImplemented(String message) {
		return new RequestRejectedException(501, "NotImplemented", message);
	}

	/**
	 * A call without valid credentials.
	 * @param message what is missing or wrong
	 * @return the rejection, 401 Unauthorized
	 */
	public static RequestRejectedException unauthorized(String message) {
		return new RequestRejectedException(401, "Unauthorized", message);
	}

	/**
	 * A call by an authenticated caller that may not make it.
	 * @param message who may not do what
	 * @return the rejection, 403 Forbidden
	 */
	public static RequestRejectedException forbidden(String message) {
		return new RequestRejectedException(403, "Forbidden", message);
	}

	/**
	 * A call that something the runtime relies on could not serve, such as a gateway
	 * authorizer that failed.
	 * @param message what failed
	 * @return the rejection, 500 Internal Server Error
	 */
	public static RequestRejectedException internalError(String message) {
		return new RequestRejectedException(500, "InternalError", message);
	}

	int status() {
		return this.status;
	}

	String errorType() {
		return this.errorType;
	}

}
