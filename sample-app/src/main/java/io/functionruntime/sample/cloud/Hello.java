package io.functionruntime.sample.cloud;

import java.util.function.Function;

/**
 * The cloud's Java quick start, unchanged: classes with package-private fields and no
 * accessors, listed in {@code function-runtime.classes}, served at
 * {@code /io.functionruntime.sample.cloud.Hello}.
 */
public class Hello implements Function<Hello.Request, Hello.Response> {

	@Override
	public Response apply(Request request) {
		return new Response(200, "Hello, " + request.body + "!");
	}

	static class Request {

		String httpMethod;

		String body;

	}

	static class Response {

		private final int statusCode;

		private final String body;

		Response(int statusCode, String body) {
			this.statusCode = statusCode;
			this.body = body;
		}

	}

}
