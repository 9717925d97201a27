package io.functionruntime.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's report of the errors it answers before any servlet runs (a malformed request
 * line, an illegal character, headers too large), written as the runtime's JSON error
 * with a request id instead of Tomcat's HTML page, which names the server's version.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		byte[] body = JsonMapper.shared().writeValueAsBytes(ErrorBody.forStatus(status));
		try {
			response.resetBuffer();
			if (response.getHeader(HttpEventMapper.REQUEST_ID) == null) {
				response.setHeader(HttpEventMapper.REQUEST_ID, RequestIds.next());
			}
			response.setContentType("application/json");
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is already on its way: nothing left to report.
		}
	}

}
