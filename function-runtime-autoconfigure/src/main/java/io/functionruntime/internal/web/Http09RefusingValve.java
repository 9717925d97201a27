package io.functionruntime.internal.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Ends an HTTP/0.9 simple request ({@code GET /path} with no version) by closing the
 * connection, with no answer and no function called. Tomcat would serve it, but an
 * HTTP/0.9 answer is a bare body, without status line or headers: it could carry no
 * request id, and the client could not tell a result from an error.
 */
public class Http09RefusingValve extends ValveBase {

	public Http09RefusingValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (request.getProtocol().isEmpty()) {
			response.setStatus(400);
			return;
		}
		getNext().invoke(request, response);
	}

}
