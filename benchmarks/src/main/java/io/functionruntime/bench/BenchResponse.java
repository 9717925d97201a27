package io.functionruntime.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A mock response that is reused across calls, as a servlet container recycles its
 * response objects, and whose body stream copies arrays in one go: the stream of
 * {@link MockHttpServletResponse} writes an array byte by byte (about 30 ns a byte, 45 µs
 * for a 1.5 KB body), which would be measured instead of the runtime.
 */
public final class BenchResponse extends MockHttpServletResponse {

	private final ByteArrayOutputStream body = new ByteArrayOutputStream(4096);

	private final ServletOutputStream out = new ServletOutputStream() {

		@Override
		public void write(int b) {
			BenchResponse.this.body.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			BenchResponse.this.body.write(b, off, len);
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener writeListener) {
		}

	};

	@Override
	public ServletOutputStream getOutputStream() {
		return this.out;
	}

	@Override
	public String getContentAsString() {
		return this.body.toString(StandardCharsets.UTF_8);
	}

	/** Makes the response ready for the next call. */
	public void recycle() {
		setCommitted(false);
		reset();
		this.body.reset();
	}

}
