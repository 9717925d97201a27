package io.functionruntime.internal.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A request body as it arrives, never past a limit: a declared {@code Content-Length} over
 * the limit is refused before a byte is read, a body of any framing is refused as soon as
 * it passes the limit, and memory grows with what arrives, not with what is declared. What
 * has arrived is read without waiting, so that a complete body costs no thread hand-over,
 * while the rest of a slow body is read as it comes, holding no thread. A body shorter than
 * declared means something read it first, which fails loudly rather than passing a
 * function an altered body.
 */
final class RequestBody {

	private static final byte[] EMPTY = new byte[0];

	private static final int FIRST_BUFFER = 16 * 1024;

	private final long declared;

	private final long limit;

	private final Supplier<RequestRejectedException> tooLarge;

	private byte[] buffer = EMPTY;

	private int length;

	private boolean ended;

	/**
	 * Starts the body of a request.
	 * @param request the request
	 * @param limit the most bytes accepted
	 * @param tooLarge makes the refusal of a body over the limit, which names the limit:
	 * only then, so that a call within it builds no message
	 * @throws RequestRejectedException when the declared length is over the limit
	 */
	RequestBody(HttpServletRequest request, long limit, Supplier<RequestRejectedException> tooLarge) {
		this.declared = request.getContentLengthLong();
		this.limit = limit;
		this.tooLarge = tooLarge;
		if (this.declared > limit) {
			throw tooLarge.get();
		}
		this.ended = this.declared == 0 || (this.declared < 0 && !isChunked(request));
	}

	/** A request with neither a length nor chunks has no body (RFC 9112, section 6.3). */
	private static boolean isChunked(HttpServletRequest request) {
		String encoding = request.getHeader("Transfer-Encoding");
		return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
	}

	/**
	 * Reads, in blocking mode, what has arrived, without waiting for more.
	 * @param in the request's stream
	 * @return whether the whole body is in hand
	 * @throws IOException when the client is gone
	 */
	boolean readArrived(ServletInputStream in) throws IOException {
		while (!this.ended && in.available() > 0) {
			readOnce(in);
		}
		return this.ended;
	}

	/**
	 * Reads, in non-blocking mode, what the container has ready.
	 * @param in the request's stream, with a read listener
	 * @throws IOException when the client is gone
	 */
	void readReady(ServletInputStream in) throws IOException {
		while (!this.ended && in.isReady()) {
			readOnce(in);
		}
	}

	/**
	 * Reads the rest in blocking mode, for a container that cannot read asynchronously.
	 * @param in the request's stream
	 * @throws IOException when the client is gone
	 */
	void readRest(ServletInputStream in) throws IOException {
		while (!this.ended) {
			readOnce(in);
		}
	}

	/**
	 * Tells the body that the container has no more of it.
	 * @return the body, empty when there is none
	 */
	byte[] bytes() {
		if (this.declared > this.length) {
			throw new IllegalStateException("The request body was read before the function runtime read it: "
					+ this.length + " of " + this.declared + " declared bytes were left. A filter that reads the "
					+ "parameters or parts of a function call (getParameter, getParts) consumes its body: make it "
					+ "skip function calls (FunctionCalls.isFunctionCall(request)).");
		}
		return (this.length == this.buffer.length) ? this.buffer : Arrays.copyOf(this.buffer, this.length);
	}

	private void readOnce(ServletInputStream in) throws IOException {
		if (this.length == this.buffer.length) {
			grow();
		}
		int read = in.read(this.buffer, this.length, this.buffer.length - this.length);
		if (read < 0) {
			this.ended = true;
			return;
		}
		this.length += read;
		if (this.length > this.limit) {
			throw this.tooLarge.get();
		}
		this.ended = this.length == this.declared;
	}

	private void grow() {
		long wanted = (this.buffer.length == 0)
				? ((this.declared > 0) ? Math.min(this.declared, FIRST_BUFFER) : FIRST_BUFFER)
				: this.buffer.length * 2L;
		this.buffer = Arrays.copyOf(this.buffer, (int) Math.min(wanted, this.limit + 1));
	}

}
