package io.functionruntime.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The seed's request, {@code curl --data '{"hello": "world"}' -H 'Content-Type: application/json'
 * 'http://localhost:8080/main.handler?param=one'}, with curl's headers in curl's order, as an
 * in-process servlet request. The load benchmark sends the same request (benchmarks/wrk/seed.lua).
 * Its body stream reads arrays in one go, as a container's does; the stream of
 * {@link MockHttpServletRequest} reads them byte by byte.
 */
public final class SeedRequest {

	public static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

	public static final String QUERY = "param=one";

	private SeedRequest() {
	}

	/**
	 * Creates the request.
	 * @param entryPoint the function to call
	 * @return the request, its body ready to be read once; call {@link #rewind} before the next read
	 */
	public static MockHttpServletRequest create(String entryPoint) {
		MockHttpServletRequest request = new Request("POST", "/" + entryPoint);
		request.setQueryString(QUERY);
		for (String[] header : HEADERS) {
			request.addHeader(header[0], header[1]);
		}
		request.setContentType("application/json");
		request.setRemoteAddr("127.0.0.1");
		request.setRemotePort(51234);
		rewind(request);
		return request;
	}

	/**
	 * Makes the body readable again, as a new request's would be.
	 * @param request the request
	 */
	public static void rewind(MockHttpServletRequest request) {
		request.setContent(BODY);
		if (request instanceof Request seed) {
			seed.body.reset();
		}
	}

	private static final String[][] HEADERS = { { "Host", "127.0.0.1:8080" }, { "User-Agent", "curl/7.64.1" },
			{ "Accept", "*/*" }, { "Content-Type", "application/json" },
			{ "Content-Length", String.valueOf(BODY.length) } };

	private static final class SingleValue implements Enumeration<String> {

		private String value;

		SingleValue(String value) {
			this.value = value;
		}

		@Override
		public boolean hasMoreElements() {
			return this.value != null;
		}

		@Override
		public String nextElement() {
			String current = this.value;
			this.value = null;
			return current;
		}

	}

	private static final class Request extends MockHttpServletRequest {

		private final ByteArrayInputStream body = new ByteArrayInputStream(BODY);

		private final ServletInputStream in = new ServletInputStream() {

			@Override
			public int read() {
				return Request.this.body.read();
			}

			@Override
			public int read(byte[] b, int off, int len) {
				return Request.this.body.read(b, off, len);
			}

			@Override
			public int available() {
				return Request.this.body.available();
			}

			@Override
			public boolean isFinished() {
				return Request.this.body.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener readListener) {
			}

		};

		Request(String method, String requestUri) {
			super(method, requestUri);
		}

		/**
		 * The headers as a container keeps them: a fixed table read in place, each read
		 * allocating at most an enumeration, where the mock builds lists and streams.
		 */
		@Override
		public Enumeration<String> getHeaderNames() {
			return new Enumeration<>() {

				private int next;

				@Override
				public boolean hasMoreElements() {
					return this.next < HEADERS.length;
				}

				@Override
				public String nextElement() {
					return HEADERS[this.next++][0];
				}

			};
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			String value = getHeader(name);
			return (value != null) ? new SingleValue(value) : Collections.emptyEnumeration();
		}

		@Override
		public String getHeader(String name) {
			for (String[] header : HEADERS) {
				if (header[0].equalsIgnoreCase(name)) {
					return header[1];
				}
			}
			return null;
		}

		@Override
		public ServletInputStream getInputStream() {
			return this.in;
		}

	}

}
