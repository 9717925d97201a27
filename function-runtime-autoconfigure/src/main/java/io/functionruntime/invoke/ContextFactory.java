package io.functionruntime.invoke;

import io.functionruntime.Context;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionSettings;
import io.functionruntime.token.TokenProvider;

/**
 * Makes the context of each invocation from the function's identity, the call's request
 * id and deadline, and the current IAM token.
 */
public class ContextFactory {

	private final TokenProvider tokenProvider;

	public ContextFactory(TokenProvider tokenProvider) {
		this.tokenProvider = tokenProvider;
	}

	/**
	 * Creates a context.
	 * @param function the function
	 * @param requestId the request id
	 * @param deadlineMs epoch milliseconds at which the call times out
	 * @return the context
	 */
	public Context create(FunctionDefinition function, String requestId, long deadlineMs) {
		FunctionSettings settings = function.settings();
		return new Context(requestId, deadlineMs, settings.id(), settings.versionId(), settings.logGroupId(),
				settings.memoryLimitMb(), this.tokenProvider.currentToken());
	}

}
