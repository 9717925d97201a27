package io.functionruntime.internal.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a request body once, never past a limit: a declared {@code Content-Length} over
 * the limit is refused before a byte is read, and a chunked body is refused as soon as it
 * passes the limit. A body shorter than declared means something read it first, which
 * fails loudly rather than passing a function an altered body.
 */
final class RequestBody {

	private static final byte[] EMPTY = new byte[0];

	/** The largest array the JVM reliably allocates. */
	private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

	private RequestBody() {
	}

	/**
	 * Reads the body.
	 * @param request the request
	 * @param limit the most bytes accepted
	 * @param eventLimit the event size limit, for the error message
	 * @return the body, empty when there is none
	 * @throws RequestRejectedException over the limit, or when the body cannot be read
	 */
	static byte[] read(HttpServletRequest request, long limit, long eventLimit) {
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			throw RequestRejectedException.tooLarge(eventLimit);
		}
		if (declared == 0) {
			return EMPTY;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(limit + 1, MAX_ARRAY));
			if (body.length > limit) {
				throw RequestRejectedException.tooLarge(eventLimit);
			}
			if (declared > body.length) {
				throw new IllegalStateException("The request body was read before the function runtime read it: "
						+ body.length + " of " + declared + " declared bytes were left. A filter that reads the "
						+ "parameters or parts of a function call (getParameter, getParts) consumes its body: "
						+ "make it skip function calls (FunctionCalls.isFunctionCall(request)).");
			}
			return body;
		}
		catch (IOException ex) {
			throw RequestRejectedException.badRequest("The request body could not be read: " + ex.getMessage());
		}
	}

}
