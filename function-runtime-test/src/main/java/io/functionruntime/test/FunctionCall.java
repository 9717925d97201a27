package io.functionruntime.test;

import java.io.IOException;
import java.io.UncheckedIOException;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;

/**
 * One call to a function, described fluently and sent with {@link #send()}.
 */
public final class FunctionCall extends AbstractRequestBuilder<FunctionCall> {

	private final String route;

	private final Transport transport;

	private boolean raw;

	FunctionCall(String route, Transport transport, JsonMapper jsonMapper) {
		super(jsonMapper);
		this.route = route.startsWith("/") ? route.substring(1) : route;
		this.transport = transport;
	}

	/**
	 * Selects raw mode ({@code ?integration=raw}): the handler gets the body itself and the
	 * answer is its result as is.
	 * @param raw whether to call in raw mode
	 * @return this call
	 */
	public FunctionCall raw(boolean raw) {
		this.raw = raw;
		return this;
	}

	/**
	 * Calls the function with an event of its own, as a trigger does: the event is sent in
	 * raw mode, so the handler gets it as it is, bound to what the handler takes, and the
	 * answer's body is the handler's result as JSON.
	 * <pre class="code">
	 * functions.call("report.handler").event(TimerEventBuilder.timer().payload("full").build()).send();
	 * </pre>
	 * @param event the event: a {@code TimerEvent}, {@code HttpEvent}, {@code Map} or any
	 * value to write as JSON, or its JSON text itself as a {@code String}
	 * @return this call
	 */
	public FunctionCall event(Object event) {
		return raw(true).jsonBody(event);
	}

	/**
	 * Calls the function with the event a file holds, as {@link #event(Object)} does:
	 * {@code event(new ClassPathResource("events/timer.json"))}.
	 * @param event the resource that holds the event as JSON
	 * @return this call
	 * @throws UncheckedIOException when the resource cannot be read
	 */
	public FunctionCall event(Resource event) {
		byte[] json;
		try {
			json = event.getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the event from " + event.getDescription(), ex);
		}
		return raw(true).body(json, MediaType.APPLICATION_JSON_VALUE);
	}

	/**
	 * Sends the call and waits for the answer, which the runtime gives by the function's
	 * deadline at the latest.
	 * @return the answer
	 */
	public FunctionResult send() {
		return this.transport.exchange(toRequest("/" + this.route, this.raw ? "integration=raw" : null));
	}

}
