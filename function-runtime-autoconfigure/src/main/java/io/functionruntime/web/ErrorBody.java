package io.functionruntime.web;

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

}
