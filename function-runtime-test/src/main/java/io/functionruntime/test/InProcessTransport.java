package io.functionruntime.test;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.functionruntime.web.FunctionController;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Hands a request to the runtime's {@link FunctionController} in-process, as mock servlet
 * objects: no server, no servlet filters, the same event mapping, invoker and response
 * writing as over HTTP.
 */
final class InProcessTransport implements Transport {

	private final FunctionController controller;

	private final JsonMapper jsonMapper;

	InProcessTransport(FunctionController controller, JsonMapper jsonMapper) {
		this.controller = controller;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public FunctionResult exchange(FunctionRequest request) {
		MockHttpServletRequest servletRequest = request.toServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			this.controller.handleRequest(servletRequest, response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Calling " + request.path() + " failed", ex);
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
