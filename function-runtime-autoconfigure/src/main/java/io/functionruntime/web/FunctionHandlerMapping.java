package io.functionruntime.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Sends every request that no earlier mapping (annotated controllers, Actuator, the error
 * page) claims to the {@link FunctionController}, so that unknown paths too get the
 * runtime's JSON 404 rather than a resource-not-found page.
 */
public class FunctionHandlerMapping extends AbstractHandlerMapping {

	private final FunctionController controller;

	public FunctionHandlerMapping(FunctionController controller) {
		this.controller = controller;
		setOrder(1);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) {
		return this.controller;
	}

}
