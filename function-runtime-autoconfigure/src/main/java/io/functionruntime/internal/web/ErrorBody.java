package io.functionruntime.internal.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error the runtime answers (SPEC §7).
 *
 * @param errorMessage what went wrong
 * @param errorType the handler's exception class, or the runtime's error type
 * @param stackTrace the handler's stack trace, when enabled and there is one
 * @param payload the handler's result as JSON text, for a malformed response
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(String errorMessage, String errorType, List<String> stackTrace, String payload) {

	static ErrorBody of(String errorType, String errorMessage) {
		return new ErrorBody(errorMessage, errorType, null, null);
	}

	/**
	 * The body of an error the server answers without a function: a request it could not
	 * read, an unsupported method, a failure outside the runtime.
	 * @param status the status
	 * @return the body, without internals
	 */
	static ErrorBody forStatus(int status) {
		return switch (status) {
			case 400 -> of("BadRequest", "The request is malformed");
			case 404 -> of("NotFound", "Function not found");
			case 405 -> of("MethodNotAllowed", "The method is not allowed");
			case 413 -> of("RequestTooLarge", "Request is too large");
			case 414 -> of("RequestTooLarge", "The request target is too long");
			case 431 -> of("RequestTooLarge", "The request headers are too large");
			case 501 -> of("MethodNotAllowed", "The method is not supported");
			case 505 -> of("BadRequest", "The HTTP version is not supported");
			default -> (status < 500) ? of("BadRequest", "The request was refused with status " + status)
					: of("InternalError", "The function runtime failed to process the request");
		};
	}

}
