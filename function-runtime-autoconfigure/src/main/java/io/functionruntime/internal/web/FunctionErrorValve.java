package io.functionruntime.internal.web;

import java.io.IOException;

import io.functionruntime.FunctionCalls;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Answers the errors that Tomcat raises on a function's route before any servlet runs (a
 * {@code TRACE}, which the connector refuses) as the runtime's JSON error with a request
 * id, where the container would otherwise hand them to the application's error page:
 * errors of function calls are the runtime's, every other error stays the application's.
 */
public class FunctionErrorValve extends ValveBase {

	public FunctionErrorValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (response.isErrorReportRequired() && FunctionCalls.isFunctionCall(request)) {
			ContainerErrors.report(response);
			return;
		}
		getNext().invoke(request, response);
	}

}
