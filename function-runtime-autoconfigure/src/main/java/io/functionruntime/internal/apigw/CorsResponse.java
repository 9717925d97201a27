package io.functionruntime.internal.apigw;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The answer to a request on a path with a CORS rule: it carries the rule's headers, which
 * replace the function's headers of the same names, as the gateway's CORS processing is in
 * charge of them.
 */
final class CorsResponse extends HttpServletResponseWrapper {

	private final Set<String> names;

	CorsResponse(HttpServletResponse response, Map<String, String> headers) {
		super(response);
		headers.forEach(response::setHeader);
		this.names = headers.keySet().stream().map(CorsResponse::key).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public void setHeader(String name, String value) {
		if (!this.names.contains(key(name))) {
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (!this.names.contains(key(name))) {
			super.addHeader(name, value);
		}
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
