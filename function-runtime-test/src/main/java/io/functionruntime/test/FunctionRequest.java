package io.functionruntime.test;

import org.springframework.http.HttpHeaders;

/**
 * A request to a function as a builder describes it, before it is sent over HTTP or
 * handed to the runtime in-process.
 *
 * @param method the HTTP method
 * @param path the path, {@code /<route>}
 * @param query the encoded query string, empty when there is none
 * @param headers the headers the client sets
 * @param body the body, or {@code null} when there is none
 */
record FunctionRequest(String method, String path, String query, HttpHeaders headers, byte[] body) {

	/**
	 * Creates the servlet request a server would make of this request: the headers the
	 * client sets, plus the {@code Host} and {@code Content-Length} an HTTP client adds,
	 * from the client address {@code 127.0.0.1}.
	 * @return the servlet request
	 */
	AsyncServletRequest toServletRequest() {
		AsyncServletRequest request = new AsyncServletRequest(this.method, this.path);
		request.setQueryString(this.query.isEmpty() ? null : this.query);
		request.addHeader(HttpHeaders.HOST, "localhost");
		this.headers.forEach((name, values) -> values.forEach((value) -> request.addHeader(name, value)));
		if (this.body != null) {
			request.addHeader(HttpHeaders.CONTENT_LENGTH, this.body.length);
			request.setContent(this.body);
		}
		return request;
	}

}
