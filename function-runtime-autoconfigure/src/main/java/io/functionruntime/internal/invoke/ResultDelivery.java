package io.functionruntime.internal.invoke;

import java.io.IOException;

import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.invoke.Outcome;

/**
 * Hands a call's result to whoever made the call, and tells how that went: a transport may
 * find that a result cannot be delivered, as HTTP does with a malformed response.
 */
@FunctionalInterface
public interface ResultDelivery {

	/**
	 * Delivers a result.
	 * @param result how the invocation ended
	 * @return the outcome the caller saw
	 * @throws IOException when the caller is gone
	 */
	Outcome deliver(InvocationResult result) throws IOException;

}
