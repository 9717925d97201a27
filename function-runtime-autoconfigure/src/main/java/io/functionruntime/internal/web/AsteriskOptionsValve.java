package io.functionruntime.internal.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Gives Tomcat's answer to {@code OPTIONS *} a request id, as every answer has. Tomcat
 * answers that request itself, before any valve or servlet, and the one call it makes on
 * the way is to the engine's access log, while the answer is still unwritten: so this is
 * an engine valve that is an {@link AccessLog}, and passes every other request on as is.
 */
public class AsteriskOptionsValve extends ValveBase implements AccessLog {

	public AsteriskOptionsValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
	}

	@Override
	public void log(Request request, Response response, long time) {
		if (!response.isCommitted() && "*".equals(request.getRequestURI())
				&& response.getHeader(HeaderNames.REQUEST_ID) == null) {
			response.setHeader(HeaderNames.REQUEST_ID, RequestIds.next());
		}
	}

	@Override
	public void setRequestAttributesEnabled(boolean requestAttributesEnabled) {
	}

	@Override
	public boolean getRequestAttributesEnabled() {
		return false;
	}

}
