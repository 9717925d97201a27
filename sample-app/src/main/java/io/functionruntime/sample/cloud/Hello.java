package io.functionruntime.sample.cloud;

import java.util.function.Function;

/**
 * The cloud's Java quick start, unchanged but for public fields: listed in
 * {@code function-runtime.classes}, served at {@code /io.functionruntime.sample.cloud.Hello}.
 */
public class Hello implements Function<Hello.Request, Hello.Response> {

	@Override
	public Response apply(Request request) {
		return new Response(200, "Hello, " + request.body + "!");
	}

	/** The parts of the event the function reads. */
	public static class Request {

		public String httpMethod;

		public String body;

	}

	/** The response object of the HTTP integration. */
	public static class Response {

		public int statusCode;

		public String body;

		public Response(int statusCode, String body) {
			this.statusCode = statusCode;
			this.body = body;
		}

	}

}
