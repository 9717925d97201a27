package io.functionruntime.internal.invoke;

import java.util.concurrent.Executor;

import io.functionruntime.Context;
import io.functionruntime.internal.logging.InvocationMdc;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionSettings;
import io.functionruntime.token.TokenProvider;

/**
 * Makes the context of each invocation from the function's identity, the call's request
 * id and deadline, and the current IAM token when the function has a service account. Its executor runs continuations on the
 * worker threads with the call's MDC.
 */
public class ContextFactory {

	private final TokenProvider tokenProvider;

	private final Executor workers;

	public ContextFactory(TokenProvider tokenProvider, Executor workers) {
		this.tokenProvider = tokenProvider;
		this.workers = workers;
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
		String name = settings.name();
		return new Context(requestId, deadlineMs, settings.id(), settings.versionId(), settings.folderId(),
				settings.logGroupId(), settings.memoryLimitMb(),
				settings.serviceAccount() ? this.tokenProvider.currentToken() : null,
				(task) -> this.workers.execute(InvocationMdc.wrap(task, requestId, name)), settings.environment());
	}

}
