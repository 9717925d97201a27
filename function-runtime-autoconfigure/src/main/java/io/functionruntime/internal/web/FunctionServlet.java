package io.functionruntime.internal.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a function call enters the container: a servlet of its own, mapped to the exact
 * routes of the functions, beside Spring MVC's {@code DispatcherServlet}. The application's
 * filters (its security among them) still run before it, while Spring MVC's multipart
 * resolution, handler lookup and CORS handling never see a call, so its body reaches the
 * runtime as the client sent it and every other path stays the application's.
 */
public class FunctionServlet extends HttpServlet {

	private final transient FunctionController controller;

	public FunctionServlet(FunctionController controller) {
		this.controller = controller;
	}

	/** Takes every method, so that each one reaches the function as the cloud passes it. */
	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.controller.handleRequest(request, response);
	}

}
