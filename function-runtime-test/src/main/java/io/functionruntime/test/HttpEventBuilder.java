package io.functionruntime.test;

import java.util.Map;
import java.util.UUID;

import io.functionruntime.HttpEvent;
import io.functionruntime.internal.web.HttpEventMapper;
import io.functionruntime.internal.web.QueryString;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link HttpEvent} a handler would get for a request, to call a handler method
 * directly in a unit test. The event is made by the runtime's own mapping, so it has what
 * the router adds and removes: canonical header names, {@code X-Request-Id},
 * {@code X-Trace-Id}, {@code X-Forwarded-For}, the request context with the current time,
 * a JSON body as text and every other body as Base64.
 * <pre class="code">
 * HttpEvent event = HttpEventBuilder.post().query("param", "one").jsonBody(Map.of("hello", "world")).build();
 * </pre>
 */
public final class HttpEventBuilder extends AbstractRequestBuilder<HttpEventBuilder> {

	private static final HttpEventMapper MAPPER = new HttpEventMapper();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private String requestId = UUID.randomUUID().toString();

	private HttpEventBuilder() {
		super(JsonMapper.shared());
	}

	/** @return a builder for a {@code GET} without a body */
	public static HttpEventBuilder get() {
		return request("GET");
	}

	/** @return a builder for a {@code POST}; give it a body */
	public static HttpEventBuilder post() {
		return request("POST");
	}

	/**
	 * Starts an event.
	 * @param method the HTTP method
	 * @return the builder
	 */
	public static HttpEventBuilder request(String method) {
		return new HttpEventBuilder().method(method);
	}

	/**
	 * Sets the request id, random by default; give a context built for the same call the
	 * same one.
	 * @param requestId the request id
	 * @return this builder
	 */
	public HttpEventBuilder requestId(String requestId) {
		this.requestId = requestId;
		return this;
	}

	/** @return the event */
	public HttpEvent build() {
		FunctionRequest request = toRequest("/", null);
		byte[] body = (request.body() != null) ? request.body() : new byte[0];
		return MAPPER.toEvent(request.toServletRequest(), QueryString.parse(request.query()), body, this.requestId,
				System.currentTimeMillis());
	}

	/** @return the event as the mutable map a {@code Map<String, Object>} handler gets */
	public Map<String, Object> buildMap() {
		return JsonMapper.shared().convertValue(build(), MAP);
	}

}
