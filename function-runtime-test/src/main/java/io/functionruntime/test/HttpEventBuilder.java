package io.functionruntime.test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.functionruntime.HttpEvent;
import io.functionruntime.internal.web.HttpEventMapper;
import io.functionruntime.internal.web.QueryString;
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

	private String requestId = UUID.randomUUID().toString();

	private Instant time;

	private String path = "";

	private final Map<String, String> pathParams = new LinkedHashMap<>();

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

	/**
	 * Sets when the request arrived, for {@code requestTime} and {@code requestTimeEpoch};
	 * the current time by default.
	 * @param time the time
	 * @return this builder
	 */
	public HttpEventBuilder time(Instant time) {
		this.time = time;
		return this;
	}

	/**
	 * Sets the path of the route in an API gateway's specification, such as
	 * {@code /users/{id}}, which a call through a gateway carries in {@code path}; the
	 * event's {@code url} becomes the path with the {@link #pathParam path parameters} put
	 * in, and the query. A direct call has neither.
	 * @param path the path of the route
	 * @return this builder
	 */
	public HttpEventBuilder path(String path) {
		this.path = path;
		return this;
	}

	/**
	 * Adds a path parameter, as a gateway passes it in {@code pathParams}, and also in
	 * {@code params} and {@code multiValueParams}, which hold every parameter of the
	 * route.
	 * @param name the name, {@code id} for {@code {id}}
	 * @param value the value
	 * @return this builder
	 */
	public HttpEventBuilder pathParam(String name, String value) {
		this.pathParams.put(name, value);
		return this;
	}

	/** @return the event */
	public HttpEvent build() {
		FunctionRequest request = toRequest("/", null);
		byte[] body = (request.body() != null) ? request.body() : new byte[0];
		HttpEvent event = MAPPER.toEvent(request.toServletRequest(), QueryString.parse(request.query()), body,
				this.requestId, (this.time != null) ? this.time.toEpochMilli() : System.currentTimeMillis());
		if (this.path.isEmpty() && this.pathParams.isEmpty()) {
			return event;
		}
		Map<String, List<String>> multiValueParams = new LinkedHashMap<>();
		this.pathParams.forEach((name, value) -> multiValueParams.put(name, List.of(value)));
		return new HttpEvent(event.httpMethod(), event.headers(), event.multiValueHeaders(),
				event.queryStringParameters(), event.multiValueQueryStringParameters(), event.requestContext(),
				event.body(), event.isBase64Encoded(), this.path, this.path.isEmpty() ? "" : url(request.query()),
				new LinkedHashMap<>(this.pathParams), multiValueParams, new LinkedHashMap<>(this.pathParams));
	}

	/** The path as requested: the route's path with its parameters put in, and the query. */
	private String url(String query) {
		String url = this.path;
		for (Map.Entry<String, String> param : this.pathParams.entrySet()) {
			url = url.replace("{" + param.getKey() + "+}", param.getValue())
				.replace("{" + param.getKey() + "}", param.getValue());
		}
		return query.isEmpty() ? url : url + "?" + query;
	}

	/** @return the event as the mutable map a {@code Map<String, Object>} handler gets */
	public Map<String, Object> buildMap() {
		return EventMaps.of(build());
	}

}
