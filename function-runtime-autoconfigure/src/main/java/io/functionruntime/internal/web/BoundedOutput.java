package io.functionruntime.internal.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Collects written bytes up to a limit and refuses the first byte past it, so that a
 * result is serialised once and never more than the limit is held, however large it is.
 */
final class BoundedOutput extends OutputStream {

	private final int limit;

	private byte[] bytes = new byte[256];

	private int size;

	private boolean over;

	BoundedOutput(long limit) {
		this.limit = (int) Math.min(limit, Integer.MAX_VALUE - 8);
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] source, int offset, int length) throws IOException {
		int accepted = Math.min(length, this.limit - this.size);
		if (this.size + accepted > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, (int) Math.min(this.limit, Math.max(this.size + accepted,
					2L * this.bytes.length)));
		}
		System.arraycopy(source, offset, this.bytes, this.size, accepted);
		this.size += accepted;
		if (accepted < length) {
			this.over = true;
			throw new OverLimitException();
		}
	}

	/**
	 * Tells whether something was written past the limit.
	 * @return whether the output is incomplete
	 */
	boolean isOver() {
		return this.over;
	}

	/**
	 * Returns the bytes written, up to the limit.
	 * @return a copy of the bytes
	 */
	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.size);
	}

	/**
	 * Returns the buffer itself, without a copy, for a look at its first bytes.
	 * @return the buffer, valid up to {@link #size()}
	 */
	byte[] buffer() {
		return this.bytes;
	}

	/**
	 * Returns how many bytes were kept.
	 * @return the size, at most the limit
	 */
	int size() {
		return this.size;
	}

	/** Stops the writer at the limit; stackless, as it is expected. */
	static final class OverLimitException extends IOException {

		OverLimitException() {
			super("over the limit", null);
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
