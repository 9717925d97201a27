package io.functionruntime.internal.servlet;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet of the cloud's Spring Boot model: it hands each request to the application's
 * own {@code DispatcherServlet}, so that a function's events reach the application's
 * controllers. One object per instance; the dispatcher they share is thread-safe.
 */
public final class ApplicationServlet extends HttpServlet {

	private final transient Supplier<Servlet> dispatcher;

	/**
	 * Creates the servlet of one instance.
	 * @param dispatcher the application's dispatcher servlet, asked for at initialisation
	 */
	public ApplicationServlet(Supplier<Servlet> dispatcher) {
		this.dispatcher = dispatcher;
	}

	/**
	 * Initialises the dispatcher too when no container has, as in an application context
	 * without a web server; with one, the container initialises it at startup.
	 */
	@Override
	public void init(ServletConfig config) throws ServletException {
		super.init(config);
		Servlet servlet = this.dispatcher.get();
		synchronized (servlet) {
			if (servlet.getServletConfig() == null) {
				servlet.init(config);
			}
		}
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		this.dispatcher.get().service(request, response);
	}

}
