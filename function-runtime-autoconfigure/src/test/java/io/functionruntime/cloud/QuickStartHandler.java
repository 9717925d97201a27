package io.functionruntime.cloud;

import java.util.Map;
import java.util.function.Function;

/**
 * The cloud's Java quick start as its users copy it: a {@code Function} from a request to a
 * response whose classes have package-private fields and no accessors.
 */
public class QuickStartHandler implements Function<QuickStartHandler.Request, QuickStartHandler.Response> {

	@Override
	public Response apply(Request request) {
		String name = (request.queryStringParameters != null) ? request.queryStringParameters.get("name") : null;
		return new Response(200, request.httpMethod + ", " + ((name != null) ? name : request.body) + "!");
	}

	static class Request {

		String httpMethod;

		Map<String, String> queryStringParameters;

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
