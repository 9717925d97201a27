package io.functionruntime.internal.apigw;

import java.io.IOException;
import java.util.Locale;

import io.functionruntime.FunctionCalls;
import io.functionruntime.internal.web.HeaderNames;
import io.functionruntime.internal.web.RequestIds;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Finds the gateway operation of a request before any filter of the application runs, and
 * marks the request with it ({@link FunctionCalls#GATEWAY_ROUTE_ATTRIBUTE}), so that the
 * application's filters that read a form body leave it to the function, as they leave
 * direct calls. A request that is not the gateway's stays unmarked: it is the
 * application's, or a direct call. A CORS preflight on a path with a CORS rule is answered
 * here, by the gateway itself.
 */
public final class GatewayRouting implements Filter {

	private final GatewayRoutes routes;

	public GatewayRouting(GatewayRoutes routes) {
		this.routes = routes;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
				&& CorsRule.isPreflight(http)) {
			GatewayRoutes.Match preflight = this.routes.route(
					http.getHeader("Access-Control-Request-Method").toUpperCase(Locale.ROOT), pathOf(http));
			if (preflight != null && preflight.cors() != null) {
				answerPreflight(http, httpResponse, preflight.cors());
				return;
			}
		}
		if (request instanceof HttpServletRequest http) {
			GatewayRoutes.Match match = this.routes.route(http.getMethod().toUpperCase(Locale.ROOT), pathOf(http));
			if (match != null) {
				http.setAttribute(FunctionCalls.GATEWAY_ROUTE_ATTRIBUTE, match);
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Answers a preflight as the gateway does, with the rule's headers and no function,
	 * before any filter of the application: neither its security nor its own CORS handling
	 * sees it.
	 */
	private static void answerPreflight(HttpServletRequest request, HttpServletResponse response, CorsRule rule) {
		response.setStatus(rule.optionsSuccessStatus());
		response.setHeader(HeaderNames.REQUEST_ID, RequestIds.next());
		rule.preflightHeaders(request).forEach(response::setHeader);
		response.setContentLength(0);
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
