package io.functionruntime.registry;

import java.util.Set;

/**
 * Who may call a function. A public function answers anyone; a private one only callers
 * with a valid bearer token, as the cloud requires an IAM token of an allowed invoker.
 *
 * @param isPublic whether anyone may call the function
 * @param invokers the principal names allowed to call a private function; empty allows
 * every authenticated caller
 */
public record FunctionAccess(boolean isPublic, Set<String> invokers) {

	/** Anyone may call the function: the default. */
	public static final FunctionAccess PUBLIC = new FunctionAccess(true, Set.of());

	public FunctionAccess {
		invokers = Set.copyOf(invokers);
	}

	/**
	 * Tells whether an authenticated caller may call the function.
	 * @param principal the caller's principal name
	 * @return whether it is allowed
	 */
	public boolean allows(String principal) {
		return this.invokers.isEmpty() || this.invokers.contains(principal);
	}

}
