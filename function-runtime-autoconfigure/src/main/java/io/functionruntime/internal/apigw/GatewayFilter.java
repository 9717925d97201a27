package io.functionruntime.internal.apigw;

import java.io.IOException;

import io.functionruntime.FunctionCalls;
import io.functionruntime.internal.web.FunctionController;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a call through the emulated API Gateway enters: after the application's own
 * filters (its security among them), a request that {@link GatewayRouting} matched to an
 * operation of the spec is served on the runtime's one call path, with the origin headers
 * of its path's CORS rule when it comes from a browser's page, and goes no further;
 * every other request goes on to the application.
 */
public final class GatewayFilter implements Filter {

	private final FunctionController controller;

	private final GatewayCalls calls;

	public GatewayFilter(FunctionController controller, GatewayCalls calls) {
		this.controller = controller;
		this.calls = calls;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
				&& http.getAttribute(FunctionCalls.GATEWAY_ROUTE_ATTRIBUTE) instanceof GatewayRoutes.Match match) {
			HttpServletResponse answer = (match.cors() != null && http.getHeader("Origin") != null)
					? new CorsResponse(httpResponse, match.cors().responseHeaders(http)) : httpResponse;
			this.controller.serve(http, answer, (call, routed) -> this.calls.route(call, routed, match));
			return;
		}
		chain.doFilter(request, response);
	}

}
