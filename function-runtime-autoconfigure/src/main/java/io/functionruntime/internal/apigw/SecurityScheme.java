package io.functionruntime.internal.apigw;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.functionruntime.internal.web.QueryString;
import io.functionruntime.registry.FunctionDefinition;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A security scheme of the spec whose {@code x-yc-apigateway-authorizer} is a function: where
 * the request carries its credential, the function that decides, and how long a decision
 * is kept.
 *
 * @param name the scheme's name in {@code components.securitySchemes}
 * @param in where the credential is: {@code basic} or {@code bearer} for the
 * {@code Authorization} header, {@code header}, {@code query} or {@code cookie} for an API key
 * @param key the API key's name, or {@code null}
 * @param function the authorizer function
 * @param ttl how long a decision is kept, or {@code null} when it is not
 * @param cacheByUri whether decisions are kept per request path and query
 * ({@code authorizer_result_caching_mode: URI}) rather than per spec path
 */
record SecurityScheme(String name, String in, String key, FunctionDefinition function, Duration ttl,
		boolean cacheByUri) {

	/**
	 * Reads the scheme's credential from a request.
	 * @param request the request
	 * @return the credential, or {@code null} when the request has none
	 */
	String credential(HttpServletRequest request) {
		return switch (this.in) {
			case "basic", "bearer" -> {
				String authorization = request.getHeader("Authorization");
				yield (authorization != null
						&& authorization.toLowerCase(Locale.ROOT).startsWith(this.in + " ")) ? authorization : null;
			}
			case "header" -> request.getHeader(this.key);
			case "query" -> last(QueryString.parseAll(request.getQueryString()).values().get(this.key));
			default -> GatewayEvents.cookies(request).get(this.key);
		};
	}

	private static String last(List<String> values) {
		return (values != null && !values.isEmpty()) ? values.get(values.size() - 1) : null;
	}

	/** @return how the credential is described in messages */
	String describe() {
		return switch (this.in) {
			case "basic", "bearer" -> "an Authorization header with a "
					+ this.in.substring(0, 1).toUpperCase(Locale.ROOT) + this.in.substring(1) + " credential";
			default -> "the API key '" + this.key + "' in the " + this.in;
		};
	}

}
