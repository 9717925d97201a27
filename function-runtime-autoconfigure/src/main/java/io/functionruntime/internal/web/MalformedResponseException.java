package io.functionruntime.internal.web;

/**
 * A handler result that is not a valid HTTP response: the cloud's 502
 * {@code ProxyIntegrationError}. The message says exactly why, for the log.
 */
final class MalformedResponseException extends RuntimeException {

	MalformedResponseException(String reason) {
		super(reason, null, false, false);
	}

}
