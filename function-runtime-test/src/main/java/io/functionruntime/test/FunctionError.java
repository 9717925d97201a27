package io.functionruntime.test;

import java.util.List;

/**
 * The JSON error body of a call that did not succeed: the handler's exception, a timeout,
 * or the runtime's own refusal.
 *
 * @param errorMessage what went wrong
 * @param errorType the handler's exception class, such as {@code IllegalStateException},
 * or the runtime's error type, such as {@code TimeoutError} or {@code TooManyRequests}
 * @param stackTrace the handler's stack frames, or {@code null} when there are none
 * @param payload the handler's result as JSON text for {@code ProxyIntegrationError},
 * else {@code null}
 */
public record FunctionError(String errorMessage, String errorType, List<String> stackTrace, String payload) {
}
