package io.functionruntime.http;

import java.util.Map;

import io.functionruntime.Context;
import io.functionruntime.FunctionHandler;

/**
 * Handlers written as the cloud's Java quick start writes them: classes with fields and no
 * accessors, and scalar events and results.
 */
class BindingFunctions {

	/** The quick start: greets the {@code name} query parameter. */
	@FunctionHandler("quickstart.handler")
	Response greet(Request request) {
		String name = request.queryStringParameters.getOrDefault("name", "world");
		return new Response(200, "Hello, " + name + "! (" + request.httpMethod + ", " + request.body + ")");
	}

	/** Returns the line as it was bound, so that its defaults show. */
	@FunctionHandler("binding.line")
	Line line(Line line) {
		return line;
	}

	@FunctionHandler("binding.even")
	Boolean even(Integer number) {
		return number % 2 == 0;
	}

	@FunctionHandler("binding.length")
	Integer length(byte[] body) {
		return body.length;
	}

	@FunctionHandler("binding.sum")
	long sum(int[] numbers) {
		long sum = 0;
		for (int number : numbers) {
			sum += number;
		}
		return sum;
	}

	@FunctionHandler("binding.answer")
	int answer(Map<String, Object> event) {
		return 42;
	}

	@FunctionHandler("binding.context")
	Context context(Map<String, Object> event, Context context) {
		return context;
	}

	/** Returns an object with none of the response fields, which the cloud answers with an empty 200. */
	@FunctionHandler("binding.silent")
	Greeting silent(Map<String, Object> event) {
		return new Greeting("hi");
	}

	/** The part of the HTTP event the quick start reads, in package-private fields. */
	static class Request {

		String httpMethod;

		Map<String, String> queryStringParameters;

		String body;

		boolean isBase64Encoded;

	}

	/** The quick start's response: private final fields set by the constructor, no getters. */
	static class Response {

		private final int statusCode;

		private final String body;

		Response(int statusCode, String body) {
			this.statusCode = statusCode;
			this.body = body;
		}

	}

	/** An order line with fields of several kinds, none with an accessor. */
	static class Line {

		String item;

		int quantity;

		boolean gift;

		int[] sizes;

	}

	static class Greeting {

		private final String message;

		Greeting(String message) {
			this.message = message;
		}

	}

}
