package io.functionruntime;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells function calls from the application's other requests, for the application's own
 * filters: a filter that reads request parameters or parts consumes a form body, so it
 * should leave function calls alone.
 */
public final class FunctionCalls {

	/** The name the runtime's servlet is registered under, on the functions' routes. */
	public static final String SERVLET_NAME = "functionServlet";

	private FunctionCalls() {
	}

	/**
	 * Tells whether the container mapped a request to a function.
	 * @param request the request
	 * @return whether it is a function call
	 */
	public static boolean isFunctionCall(HttpServletRequest request) {
		HttpServletMapping mapping = request.getHttpServletMapping();
		return mapping != null && SERVLET_NAME.equals(mapping.getServletName());
	}

}
