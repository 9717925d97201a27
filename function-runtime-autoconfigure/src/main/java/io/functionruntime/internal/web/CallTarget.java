package io.functionruntime.internal.web;

import jakarta.servlet.http.HttpServletRequest;

import io.functionruntime.registry.FunctionDefinition;

/**
 * What a call reaches, known before its body is read, and how its body becomes the
 * handler's argument: a direct call's HTTP or raw-mode event, or the event the API
 * Gateway builds.
 */
public interface CallTarget {

	/** @return the function the call reaches */
	FunctionDefinition function();

	/** @return whether the body is the event and the result the answer (raw mode) */
	boolean raw();

	/**
	 * Tells an asynchronous call ({@code integration=async}): answered 202 at once, its
	 * result sent to a queue.
	 * @return whether the call is asynchronous
	 */
	boolean async();

	/**
	 * Tells how many body bytes the call accepts.
	 * @param request the call
	 * @param eventLimit the largest event
	 * @return the largest body
	 */
	long bodyLimit(HttpServletRequest request, long eventLimit);

	/**
	 * Tells how a body over {@link #bodyLimit} is refused, naming the limit it passed.
	 * @param request the call
	 * @param eventLimit the largest event
	 * @return the rejection, 413
	 */
	default RequestRejectedException tooLarge(HttpServletRequest request, long eventLimit) {
		return RequestRejectedException.tooLarge("Request is too large: the event may hold at most " + eventLimit
				+ " bytes");
	}

	/**
	 * Builds the handler's argument from the whole body.
	 * @param request the call
	 * @param body its body
	 * @param requestId the request id
	 * @param arrivalMillis when it arrived, epoch milliseconds
	 * @return the argument
	 */
	Object argument(HttpServletRequest request, byte[] body, String requestId, long arrivalMillis);

}
