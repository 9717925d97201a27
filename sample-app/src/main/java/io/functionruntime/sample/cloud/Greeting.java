package io.functionruntime.sample.cloud;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The cloud's servlet model, with {@code jakarta.servlet} in place of {@code javax.servlet}:
 * GET greets the {@code name} parameter from the function named in the context's header,
 * POST reads it from a form; other methods get the servlet's own 405.
 */
public class Greeting extends HttpServlet {

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		greet(request, response);
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		greet(request, response);
	}

	private static void greet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter()
			.print("Hello, " + request.getParameter("name") + ", from "
					+ request.getHeader("Lambda-Runtime-Function-Name"));
	}

}
