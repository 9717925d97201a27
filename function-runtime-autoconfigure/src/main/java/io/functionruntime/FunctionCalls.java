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

	/**
	 * The request attribute that marks a request the API Gateway emulation serves: a call of
	 * a function, or the gateway's own answer; set before any filter of the application
	 * runs.
	 */
	public static final String GATEWAY_ROUTE_ATTRIBUTE = FunctionCalls.class.getName() + ".gatewayRoute";

	private FunctionCalls() {
	}

	/**
	 * Tells whether the container mapped a request to a function, or the API Gateway
	 * emulation routes it to one.
	 * @param request the request
	 * @return whether it is a function call
	 */
	public static boolean isFunctionCall(HttpServletRequest request) {
		if (request.getAttribute(GATEWAY_ROUTE_ATTRIBUTE) != null) {
			return true;
		}
		HttpServletMapping mapping = request.getHttpServletMapping();
		return mapping != null && SERVLET_NAME.equals(mapping.getServletName());
	}

}
