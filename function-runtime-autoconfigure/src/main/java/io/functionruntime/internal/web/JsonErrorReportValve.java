package io.functionruntime.internal.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's report of the errors it answers before any servlet runs (a malformed request
 * line, an illegal character, headers too large), written as the runtime's JSON error
 * with a request id instead of Tomcat's HTML page, which names the server's version.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		ContainerErrors.report(response);
	}

}
