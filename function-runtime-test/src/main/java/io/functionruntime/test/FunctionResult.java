package io.functionruntime.test;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The answer to a call, as the client received it.
 */
public final class FunctionResult {

	private final int status;

	private final HttpHeaders headers;

	private final byte[] body;

	private final JsonMapper jsonMapper;

	FunctionResult(int status, HttpHeaders headers, byte[] body, JsonMapper jsonMapper) {
		this.status = status;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.body = body;
		this.jsonMapper = jsonMapper;
	}

	/** @return the HTTP status */
	public int status() {
		return this.status;
	}

	/** @return every response header, names compared without regard to case */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * Returns the first value of a header.
	 * @param name the name, in any case
	 * @return the value, or {@code null} when the header is absent
	 */
	public String header(String name) {
		return this.headers.getFirst(name);
	}

	/** @return the body as sent */
	public byte[] bodyBytes() {
		return this.body.clone();
	}

	/** @return the body as UTF-8 text */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/** @return the body parsed as JSON */
	public JsonNode json() {
		return this.jsonMapper.readTree(this.body);
	}

	/** @return the request id the runtime gave the call, {@code X-Request-Id} */
	public String requestId() {
		return header("X-Request-Id");
	}

	/**
	 * Tells whether the function itself failed: it threw, its future failed, or it timed
	 * out ({@code X-Function-Error: true}).
	 * @return whether the function failed
	 */
	public boolean isFunctionError() {
		return "true".equals(header("X-Function-Error"));
	}

	/**
	 * Returns the error body of a call that did not succeed: the function's failure or
	 * timeout, or the runtime's own error such as 404 or 429. A function's own response
	 * that looks the same (4xx or 5xx, JSON with a string {@code errorType}) reads as one
	 * too.
	 * @return the error, or {@code null} when the answer is not an error body
	 */
	public FunctionError error() {
		MediaType contentType = this.headers.getContentType();
		if (this.status < 400 || contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
			return null;
		}
		try {
			JsonNode body = json();
			return (body.isObject() && body.path("errorType").isString())
					? this.jsonMapper.treeToValue(body, FunctionError.class) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "FunctionResult[status=" + this.status + ", requestId=" + requestId() + ", body=" + bodyText() + "]";
	}

}
