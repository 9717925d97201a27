package io.functionruntime.internal.web;

import java.io.IOException;

import org.apache.catalina.connector.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an error that Tomcat answers itself, without a servlet's help, as the runtime's
 * JSON error with a request id.
 */
final class ContainerErrors {

	private ContainerErrors() {
	}

	/**
	 * Reports the error of a response unless something already wrote or reported it.
	 * @param response the response, with the error's status
	 */
	static void report(Response response) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		byte[] body = JsonMapper.shared().writeValueAsBytes(ErrorBody.forStatus(status));
		try {
			response.setSuspended(false);
			response.resetBuffer();
			if (response.getHeader(HeaderNames.REQUEST_ID) == null) {
				response.setHeader(HeaderNames.REQUEST_ID, RequestIds.next());
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
