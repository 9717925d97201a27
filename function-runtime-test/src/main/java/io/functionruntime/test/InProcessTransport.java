package io.functionruntime.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.functionruntime.internal.web.FunctionController;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Hands a request to the runtime's {@link FunctionController} in-process, as mock servlet
 * objects: no server, no servlet filters, and the same path as over HTTP, asynchronous
 * request included: event mapping, invoker, deadline and response writing.
 */
final class InProcessTransport implements Transport {

	/** The longest timeout a function may have: the invoker answers every call by then. */
	private static final Duration LONGEST_CALL = Duration.ofMinutes(10).plusSeconds(30);

	private final FunctionController controller;

	private final JsonMapper jsonMapper;

	InProcessTransport(FunctionController controller, JsonMapper jsonMapper) {
		this.controller = controller;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public FunctionResult exchange(FunctionRequest request) {
		AsyncServletRequest servletRequest = request.toServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			this.controller.handleRequest(servletRequest, response);
			if (!servletRequest.awaitAnswer(LONGEST_CALL)) {
				throw new IllegalStateException("Calling " + request.path() + " got no answer in " + LONGEST_CALL);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Calling " + request.path() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling " + request.path(), ex);
		}
		HttpHeaders headers = new HttpHeaders();
		response.getHeaderNames().forEach((name) -> headers.addAll(name, response.getHeaders(name)));
		return new FunctionResult(response.getStatus(), headers, response.getContentAsByteArray(), this.jsonMapper);
	}

	@Override
	public String toString() {
		return "in-process";
	}

}
