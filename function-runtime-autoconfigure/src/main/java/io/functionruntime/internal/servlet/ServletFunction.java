package io.functionruntime.internal.servlet;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.Supplier;

import io.functionruntime.Context;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;

/**
 * Calls a servlet as the cloud calls a Java servlet function: the event becomes the
 * request, the servlet's answer becomes the proxy response. Each servlet object, one per
 * instance, is initialised before its first call, with the application's servlet context.
 */
public final class ServletFunction {

	private final String servletName;

	private final Supplier<ServletContext> servletContext;

	/**
	 * Creates the calls of one function's servlet.
	 * @param servletName the name its {@code ServletConfig} gives
	 * @param servletContext the application's servlet context, asked for at the first call
	 */
	public ServletFunction(String servletName, Supplier<ServletContext> servletContext) {
		this.servletName = servletName;
		this.servletContext = servletContext;
	}

	/** @return a handle of the shape {@code (servlet, event map, Context) -> proxy response map} */
	public MethodHandle handle() {
		try {
			return MethodHandles.lookup()
				.findVirtual(ServletFunction.class, "call",
						MethodType.methodType(Map.class, HttpServlet.class, Map.class, Context.class))
				.bindTo(this);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("ServletFunction.call is missing", ex);
		}
	}

	private Map<String, Object> call(HttpServlet servlet, Map<String, Object> event, Context context)
			throws ServletException, IOException {
		ServletContext application = this.servletContext.get();
		initialise(servlet, application);
		EventRequest request = new EventRequest(ProxyEvent.of(event), context, application, this.servletName);
		CapturedResponse response = new CapturedResponse();
		servlet.service(request, response);
		return response.toProxyResponse();
	}

	private void initialise(HttpServlet servlet, ServletContext application) throws ServletException {
		synchronized (servlet) {
			if (servlet.getServletConfig() == null) {
				servlet.init(new Config(this.servletName, application));
			}
		}
	}

	/**
	 * The configuration of a function's servlet: its name and the application's context,
	 * with no init parameters.
	 */
	private record Config(String getServletName, ServletContext getServletContext) implements ServletConfig {

		@Override
		public String getInitParameter(String name) {
			return null;
		}

		@Override
		public Enumeration<String> getInitParameterNames() {
			return Collections.emptyEnumeration();
		}

	}

}
