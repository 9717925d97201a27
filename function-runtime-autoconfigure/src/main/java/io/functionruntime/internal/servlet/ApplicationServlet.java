package io.functionruntime.internal.servlet;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The servlet of the cloud's Spring Boot model: it hands each request to the application's
 * own {@code DispatcherServlet}, so that a function's events reach the application's
 * controllers. One object per instance; the dispatcher they share is thread-safe.
 */
public final class ApplicationServlet extends HttpServlet {

	private final transient ObjectProvider<DispatcherServlet> dispatcher;

	/**
	 * Creates the servlet of one instance. The dispatcher comes through a provider, so that
	 * this bean's definition is a plain constructor Spring AOT can write as code.
	 * @param dispatcher the application's dispatcher servlet, asked for at initialisation
	 */
	public ApplicationServlet(ObjectProvider<DispatcherServlet> dispatcher) {
		this.dispatcher = dispatcher;
	}

	/**
	 * Initialises the dispatcher too when no container has, as in an application context
	 * without a web server; with one, the container initialises it at startup.
	 */
	@Override
	public void init(ServletConfig config) throws ServletException {
		super.init(config);
		Servlet servlet = this.dispatcher.getObject();
		synchronized (servlet) {
			if (servlet.getServletConfig() == null) {
				servlet.init(config);
			}
		}
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		this.dispatcher.getObject().service(request, response);
	}

}
