package io.functionruntime.internal.web;

import io.functionruntime.registry.FunctionDefinition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Decides whether a call may reach its function, before its event is read, so that a call
 * to a private function without a valid token never runs the handler.
 */
@FunctionalInterface
public interface FunctionAccessCheck {

	/** Permits every call: what the runtime uses when no function is private. */
	FunctionAccessCheck NONE = (request, response, function) -> {
	};

	/**
	 * Checks one call. The check may set headers of the answer, such as a challenge.
	 * @param request the call
	 * @param response its response, not yet written
	 * @param function the function it reaches
	 * @throws RequestRejectedException when the call may not reach the function
	 */
	void check(HttpServletRequest request, HttpServletResponse response, FunctionDefinition function);

}
