package io.functionruntime.cloud;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The cloud's servlet example: {@code doGet} reads the context's headers, {@code doPost} a
 * form parameter; any other method gets the servlet's own 405. Counts its initialisations.
 */
public class GreetingServlet extends HttpServlet {

	private int initialisations;

	@Override
	public void init() throws ServletException {
		this.initialisations++;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("text/plain");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("X-Servlet-Name", getServletName());
		response.getWriter()
			.print(request.getHeader("Lambda-Runtime-Function-Name") + " " + request.getHeader("Lambda-Runtime-Memory-Limit")
					+ " " + request.getHeader("Lambda-Runtime-Aws-Request-Id") + " "
					+ request.getParameter("name") + " " + this.initialisations + " "
					+ (getServletContext() != null));
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getParameter("name") == null) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, "name is missing");
			return;
		}
		if (request.getParameter("redirect") != null) {
			response.sendRedirect("/elsewhere");
			return;
		}
		response.setStatus(HttpServletResponse.SC_CREATED);
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().print("Привет, " + request.getParameter("name"));
	}

}
