package io.functionruntime.cloud;

import java.util.function.Function;

/**
 * The cloud's Java quick start: a {@code Function} from a request to a response.
 */
public class QuickStartHandler implements Function<QuickStartHandler.Request, QuickStartHandler.Response> {

	@Override
	public Response apply(Request request) {
		return new Response(200, request.httpMethod + ", " + request.body + "!");
	}

	/** The request: the parts of the event it needs, as public fields. */
	public static class Request {

		public String httpMethod;

		public String body;

	}

	/** The response, with public fields. */
	public static class Response {

		public int statusCode;

		public String body;

		public Response(int statusCode, String body) {
			this.statusCode = statusCode;
			this.body = body;
		}

	}

}
