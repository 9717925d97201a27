package io.functionruntime.token;

import io.functionruntime.IamToken;

/**
 * Supplies the IAM token that each invocation's context carries. It is asked once per
 * invocation, so it must answer from memory, never by a remote call. Supply your own bean
 * to take tokens from elsewhere.
 */
@FunctionalInterface
public interface TokenProvider {

	/** A provider for functions without a service account: the context has no token. */
	TokenProvider NONE = () -> null;

	/**
	 * Returns the token to put in the next context.
	 * @return the token with {@code expires_in} counted from now, or {@code null} when
	 * there is none
	 */
	IamToken currentToken();

}
