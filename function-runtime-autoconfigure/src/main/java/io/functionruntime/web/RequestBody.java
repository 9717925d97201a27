package io.functionruntime.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a request body once, never past a limit: a declared {@code Content-Length} over
 * the limit is refused before a byte is read, and a chunked body is refused as soon as it
 * passes the limit.
 */
final class RequestBody {

	private static final byte[] EMPTY = new byte[0];

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
			byte[] buffer = new byte[(declared > 0) ? (int) declared : 1024];
			int length = 0;
			while (true) {
				if (length == buffer.length) {
					int next = in.read();
					if (next < 0) {
						return buffer;
					}
					if (length + 1 > limit) {
						throw RequestRejectedException.tooLarge(eventLimit);
					}
					buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(length * 2L, 8192), limit + 1));
					buffer[length++] = (byte) next;
				}
				int read = in.read(buffer, length, buffer.length - length);
				if (read < 0) {
					return Arrays.copyOf(buffer, length);
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

}
