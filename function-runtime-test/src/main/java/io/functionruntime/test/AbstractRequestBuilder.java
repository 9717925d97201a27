package io.functionruntime.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * What a call to a function is made of: method, query, headers and body. A call and an
 * event are described the same way, so a test can move from one to the other.
 *
 * @param <B> the builder type
 */
public abstract class AbstractRequestBuilder<B extends AbstractRequestBuilder<B>> {

	/** The {@code User-Agent} of every call, so that both modes give the same event. */
	static final String USER_AGENT = "function-runtime-test";

	private final JsonMapper jsonMapper;

	private final StringBuilder query = new StringBuilder();

	private final HttpHeaders headers = new HttpHeaders();

	private String method;

	private byte[] body;

	AbstractRequestBuilder(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Sets the HTTP method; without one, a call with a body is a {@code POST} and one
	 * without a {@code GET}, as with curl.
	 * @param method the method, any token such as {@code PURGE}
	 * @return this builder
	 */
	public B method(String method) {
		this.method = method;
		return self();
	}

	/**
	 * Adds a query parameter; added again, it keeps every value in order.
	 * @param name the name
	 * @param value the value, encoded here
	 * @return this builder
	 */
	public B query(String name, String value) {
		if (!this.query.isEmpty()) {
			this.query.append('&');
		}
		this.query.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		return self();
	}

	/**
	 * Adds a header; added again, it keeps every value in order. {@code User-Agent} is
	 * {@code function-runtime-test} unless set.
	 * @param name the name
	 * @param value the value
	 * @return this builder
	 */
	public B header(String name, String value) {
		this.headers.add(name, value);
		return self();
	}

	/**
	 * Sets an {@code application/json} body, which the event carries as text.
	 * @param value the JSON text itself when it is a {@code String}, else a value to write
	 * as JSON
	 * @return this builder
	 */
	public B jsonBody(Object value) {
		byte[] json = (value instanceof String text) ? text.getBytes(StandardCharsets.UTF_8)
				: this.jsonMapper.writeValueAsBytes(value);
		return body(json, MediaType.APPLICATION_JSON_VALUE);
	}

	/**
	 * Sets a text body, sent as UTF-8.
	 * @param text the text
	 * @param contentType its media type; any but {@code application/json} puts the body in
	 * the event as Base64
	 * @return this builder
	 */
	public B body(String text, String contentType) {
		return body(text.getBytes(StandardCharsets.UTF_8), contentType);
	}

	/**
	 * Sets a body.
	 * @param bytes the bytes
	 * @param contentType its media type, or {@code null} for none; any but
	 * {@code application/json} puts the body in the event as Base64
	 * @return this builder
	 */
	public B body(byte[] bytes, String contentType) {
		this.body = bytes;
		if (contentType != null) {
			this.headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		}
		else {
			this.headers.remove(HttpHeaders.CONTENT_TYPE);
		}
		return self();
	}

	/**
	 * Describes the request.
	 * @param path the path, {@code /<route>}
	 * @param extraQuery a parameter to append, already encoded, or {@code null}
	 * @return the request
	 */
	FunctionRequest toRequest(String path, String extraQuery) {
		String method = (this.method != null) ? this.method : (this.body != null) ? "POST" : "GET";
		String query = (extraQuery == null) ? this.query.toString()
				: this.query.isEmpty() ? extraQuery : this.query + "&" + extraQuery;
		HttpHeaders headers = HttpHeaders.copyOf(this.headers);
		if (!headers.containsHeader(HttpHeaders.USER_AGENT)) {
			headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
		}
		return new FunctionRequest(method, path, query, headers, this.body);
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
