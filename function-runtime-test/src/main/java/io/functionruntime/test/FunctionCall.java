package io.functionruntime.test;

import tools.jackson.databind.json.JsonMapper;

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
	 * Sends the call and waits for the answer, which the runtime gives by the function's
	 * deadline at the latest.
	 * @return the answer
	 */
	public FunctionResult send() {
		return this.transport.exchange(toRequest("/" + this.route, this.raw ? "integration=raw" : null));
	}

}
