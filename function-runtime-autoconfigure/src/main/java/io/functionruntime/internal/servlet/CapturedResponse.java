package io.functionruntime.internal.servlet;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * What a servlet function answers, kept in memory and turned into the cloud's proxy
 * response: {@code statusCode}, {@code multiValueHeaders} and the body in Base64. An
 * error or a redirect ends the answer as a container's would; the text of an error is its
 * body. The default character encoding is UTF-8.
 */
final class CapturedResponse implements HttpServletResponse {

	private final Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>(Locale.ROOT);

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private int status = SC_OK;

	private String contentType;

	private String characterEncoding;

	private Locale locale = Locale.getDefault();

	private boolean committed;

	private PrintWriter writer;

	private ServletOutputStream outputStream;

	/** @return the answer as the proxy response of the cloud's HTTP integration */
	Map<String, Object> toProxyResponse() {
		if (this.writer != null) {
			this.writer.flush();
		}
		Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
		this.headers.forEach((name, values) -> multiValueHeaders.put(name, List.copyOf(values)));
		String type = getContentType();
		if (type != null) {
			multiValueHeaders.put("Content-Type", List.of(type));
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("statusCode", this.status);
		response.put("multiValueHeaders", multiValueHeaders);
		response.put("body", Base64.getEncoder().encodeToString(this.body.toByteArray()));
		response.put("isBase64Encoded", true);
		return response;
	}

	@Override
	public String getCharacterEncoding() {
		return (this.characterEncoding != null) ? this.characterEncoding : StandardCharsets.UTF_8.name();
	}

	@Override
	public String getContentType() {
		if (this.contentType == null) {
			return null;
		}
		if (this.characterEncoding != null || this.writer != null) {
			return this.contentType + ";charset=" + getCharacterEncoding();
		}
		return this.contentType;
	}

	@Override
	public ServletOutputStream getOutputStream() {
		if (this.writer != null) {
			throw new IllegalStateException("getWriter() has already been called for this response");
		}
		if (this.outputStream == null) {
			this.outputStream = new BodyOutputStream();
		}
		return this.outputStream;
	}

	@Override
	public PrintWriter getWriter() {
		if (this.outputStream != null) {
			throw new IllegalStateException("getOutputStream() has already been called for this response");
		}
		if (this.writer == null) {
			this.writer = new PrintWriter(new OutputStreamWriter(this.body, Charset.forName(getCharacterEncoding())));
		}
		return this.writer;
	}

	@Override
	public void setCharacterEncoding(String encoding) {
		if (this.writer == null && !this.committed && encoding != null) {
			this.characterEncoding = encoding;
		}
	}

	@Override
	public void setContentLength(int length) {
	}

	@Override
	public void setContentLengthLong(long length) {
	}

	@Override
	public void setContentType(String type) {
		if (this.committed) {
			return;
		}
		if (type == null) {
			this.contentType = null;
			return;
		}
		MediaType mediaType = MediaType.parseMediaType(type);
		if (mediaType.getCharset() != null) {
			setCharacterEncoding(mediaType.getCharset().name());
		}
		Map<String, String> parameters = new LinkedHashMap<>(mediaType.getParameters());
		parameters.remove("charset");
		this.contentType = new MediaType(mediaType.getType(), mediaType.getSubtype(), parameters).toString();
	}

	@Override
	public void setBufferSize(int size) {
	}

	@Override
	public int getBufferSize() {
		return Integer.MAX_VALUE;
	}

	@Override
	public void flushBuffer() {
		if (this.writer != null) {
			this.writer.flush();
		}
		this.committed = true;
	}

	@Override
	public void resetBuffer() {
		checkNotCommitted();
		if (this.writer != null) {
			this.writer.flush();
		}
		this.body.reset();
	}

	@Override
	public boolean isCommitted() {
		return this.committed;
	}

	@Override
	public void reset() {
		resetBuffer();
		this.headers.clear();
		this.status = SC_OK;
		this.contentType = null;
		this.characterEncoding = null;
	}

	@Override
	public void setLocale(Locale locale) {
		if (locale != null && !this.committed) {
			this.locale = locale;
		}
	}

	@Override
	public Locale getLocale() {
		return this.locale;
	}

	@Override
	public void addCookie(Cookie cookie) {
		StringBuilder header = new StringBuilder(cookie.getName()).append('=').append(cookie.getValue());
		if (cookie.getPath() != null) {
			header.append("; Path=").append(cookie.getPath());
		}
		if (cookie.getDomain() != null) {
			header.append("; Domain=").append(cookie.getDomain());
		}
		if (cookie.getMaxAge() >= 0) {
			header.append("; Max-Age=").append(cookie.getMaxAge());
		}
		if (cookie.getSecure()) {
			header.append("; Secure");
		}
		if (cookie.isHttpOnly()) {
			header.append("; HttpOnly");
		}
		addHeader("Set-Cookie", header.toString());
	}

	@Override
	public boolean containsHeader(String name) {
		return this.headers.containsKey(name) || ("Content-Type".equalsIgnoreCase(name) && this.contentType != null);
	}

	@Override
	public String encodeURL(String url) {
		return url;
	}

	@Override
	public String encodeRedirectURL(String url) {
		return url;
	}

	@Override
	public void sendError(int status, String message) {
		checkNotCommitted();
		resetBuffer();
		this.status = status;
		if (message != null) {
			this.contentType = "text/plain";
			this.characterEncoding = StandardCharsets.UTF_8.name();
			this.body.writeBytes(message.getBytes(StandardCharsets.UTF_8));
		}
		this.committed = true;
	}

	@Override
	public void sendError(int status) {
		sendError(status, null);
	}

	@Override
	public void sendRedirect(String location, int status, boolean clearBuffer) {
		checkNotCommitted();
		if (clearBuffer) {
			resetBuffer();
		}
		this.status = status;
		setHeader("Location", location);
		this.committed = true;
	}

	@Override
	public void setDateHeader(String name, long date) {
		setHeader(name, formatDate(date));
	}

	@Override
	public void addDateHeader(String name, long date) {
		addHeader(name, formatDate(date));
	}

	private static String formatDate(long date) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(date).atZone(ZoneOffset.UTC));
	}

	@Override
	public void setHeader(String name, String value) {
		if (this.committed || name == null) {
			return;
		}
		if ("Content-Type".equalsIgnoreCase(name)) {
			setContentType(value);
		}
		else if (value == null) {
			this.headers.remove(name);
		}
		else {
			this.headers.put(name, new ArrayList<>(List.of(value)));
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (this.committed || name == null || value == null) {
			return;
		}
		if ("Content-Type".equalsIgnoreCase(name)) {
			setContentType(value);
		}
		else {
			this.headers.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
	}

	@Override
	public void setIntHeader(String name, int value) {
		setHeader(name, Integer.toString(value));
	}

	@Override
	public void addIntHeader(String name, int value) {
		addHeader(name, Integer.toString(value));
	}

	@Override
	public void setStatus(int status) {
		if (!this.committed) {
			this.status = status;
		}
	}

	@Override
	public int getStatus() {
		return this.status;
	}

	@Override
	public String getHeader(String name) {
		if ("Content-Type".equalsIgnoreCase(name)) {
			return getContentType();
		}
		List<String> values = this.headers.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	@Override
	public Collection<String> getHeaders(String name) {
		if ("Content-Type".equalsIgnoreCase(name)) {
			return (this.contentType != null) ? List.of(getContentType()) : List.of();
		}
		return List.copyOf(this.headers.getOrDefault(name, List.of()));
	}

	@Override
	public Collection<String> getHeaderNames() {
		List<String> names = new ArrayList<>(this.headers.keySet());
		if (this.contentType != null) {
			names.add("Content-Type");
		}
		return names;
	}

	private void checkNotCommitted() {
		if (this.committed) {
			throw new IllegalStateException("The response has already been committed");
		}
	}

	/**
	 * The body as a servlet stream, written to memory: always ready.
	 */
	private final class BodyOutputStream extends ServletOutputStream {

		@Override
		public void write(int b) {
			CapturedResponse.this.body.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			CapturedResponse.this.body.write(bytes, offset, length);
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			throw new IllegalStateException("A function's servlet writes its body synchronously");
		}

	}

}
