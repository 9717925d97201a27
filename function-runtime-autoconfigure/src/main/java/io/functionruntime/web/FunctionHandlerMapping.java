package io.functionruntime.web;

import io.functionruntime.registry.FunctionRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Sends requests to the {@link FunctionController}. Registered twice: before Spring MVC's
 * request mappings for the routes of known functions, so that a call costs no failed
 * lookup among the application's controllers, and after them for every request nothing
 * else claims (annotated controllers, Actuator, the error page), so that unknown paths
 * too get the runtime's JSON 404 rather than a resource-not-found page.
 */
public class FunctionHandlerMapping extends AbstractHandlerMapping {

	private final FunctionController controller;

	private final FunctionRegistry registry;

	/**
	 * Creates the mapping that claims the routes of known functions only.
	 * @param controller the controller
	 * @param registry the functions
	 */
	public FunctionHandlerMapping(FunctionController controller, FunctionRegistry registry) {
		this.controller = controller;
		this.registry = registry;
		setOrder(-1);
	}

	/**
	 * Creates the mapping that claims every request left.
	 * @param controller the controller
	 */
	public FunctionHandlerMapping(FunctionController controller) {
		this.controller = controller;
		this.registry = null;
		setOrder(1);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) {
		if (this.registry == null) {
			return this.controller;
		}
		return (this.registry.find(FunctionController.routeOf(request)) != null) ? this.controller : null;
	}

}
