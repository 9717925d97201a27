package io.functionruntime.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a request body once, never past a limit: a declared {@code Content-Length} over
 * the limit is refused before a byte is read, and a chunked body is refused as soon as it
 * passes the limit. A body shorter than declared means something read it first, which
 * fails loudly rather than passing a function an altered body.
 */
final class RequestBody {

	private static final byte[] EMPTY = new byte[0];

	/** What a declared length may allocate before any byte arrives; more grows as it comes. */
	private static final int INITIAL_BUFFER_LIMIT = 64 * 1024;

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
			byte[] buffer = new byte[(int) Math.min((declared > 0) ? declared : 1024, INITIAL_BUFFER_LIMIT)];
			int length = 0;
			while (true) {
				if (length == buffer.length) {
					int next = in.read();
					if (next < 0) {
						return complete(buffer, length, declared);
					}
					if (length + 1 > limit) {
						throw RequestRejectedException.tooLarge(eventLimit);
					}
					buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(length * 2L, 8192), limit + 1));
					buffer[length++] = (byte) next;
				}
				int read = in.read(buffer, length, buffer.length - length);
				if (read < 0) {
					return complete(buffer, length, declared);
				}
				length += read;
				if (length > limit) {
					throw RequestRejectedException.tooLarge(eventLimit);
				}
			}
		}
		catch (IOException ex) {
			throw RequestRejectedException.badRequest("The request body could not be read: " + ex.getMessage());
		}
	}

	private static byte[] complete(byte[] buffer, int length, long declared) {
		if (declared > length) {
			throw new IllegalStateException("The request body was read before the function runtime read it: " + length
					+ " of " + declared + " declared bytes were left. A filter that reads the parameters or parts of a "
					+ "function call (getParameter, getParts) consumes its body: make it skip function calls "
					+ "(FunctionServlet.isFunctionCall(request)).");
		}
		return (length == buffer.length) ? buffer : Arrays.copyOf(buffer, length);
	}

}
