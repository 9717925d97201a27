package io.functionruntime.internal.apigw;

import java.io.IOException;
import java.util.Locale;

import io.functionruntime.FunctionCalls;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the gateway operation of a request before any filter of the application runs, and
 * marks the request with it ({@link FunctionCalls#GATEWAY_ROUTE_ATTRIBUTE}), so that the
 * application's filters that read a form body leave it to the function, as they leave
 * direct calls. A request that is not the gateway's stays unmarked: it is the
 * application's, or a direct call.
 */
public final class GatewayRouting implements Filter {

	private final GatewayRoutes routes;

	public GatewayRouting(GatewayRoutes routes) {
		this.routes = routes;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http) {
			GatewayRoutes.Match match = this.routes.route(http.getMethod().toUpperCase(Locale.ROOT), pathOf(http));
			if (match != null) {
				http.setAttribute(FunctionCalls.GATEWAY_ROUTE_ATTRIBUTE, match);
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Reads the path of a request as the client sent it, percent-encoded, without the
	 * context path.
	 * @param request the request
	 * @return the path, starting with a slash
	 */
	static String pathOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/") ? path : "/" + path;
	}

}
