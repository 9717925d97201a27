package io.functionruntime.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Finds what a call reaches, or refuses it, before its body is read.
 */
@FunctionalInterface
public interface CallRouter {

	/**
	 * Routes one call.
	 * @param request the call
	 * @param response its response, not yet written: a check may set headers, such as a
	 * challenge
	 * @return what the call reaches
	 * @throws RequestRejectedException when it reaches no function or may not reach it
	 */
	CallTarget route(HttpServletRequest request, HttpServletResponse response);

}
