package io.functionruntime.internal.servlet;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.functionruntime.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.MappingMatch;
import jakarta.servlet.http.Part;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.util.StringUtils;

/**
 * The request a servlet function gets, made from the event as the cloud makes it: the
 * method, headers, path and query of the event, its body decoded, the form parameters of a
 * form body, and the context as {@code Lambda-Runtime-*} headers. The path is the event's
 * {@code url} (or {@code path}), {@code /} when it has none, as for a direct call; the
 * servlet is mapped as the default servlet. Sessions, multipart and asynchronous
 * processing are not available to a function.
 */
final class EventRequest implements HttpServletRequest {

	private static final String FORM = "application/x-www-form-urlencoded";

	private final ProxyEvent event;

	private final Context context;

	private final ServletContext servletContext;

	private final String servletName;

	private final Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>(Locale.ROOT);

	private final Map<String, Object> attributes = new ConcurrentHashMap<>();

	private final String method;

	private final String requestUri;

	private final String queryString;

	private final byte[] body;

	private Map<String, String[]> parameters;

	private String characterEncoding;

	private boolean bodyRead;

	private BufferedReader reader;

	private ServletInputStream inputStream;

	EventRequest(ProxyEvent event, Context context, ServletContext servletContext, String servletName) {
		this.event = event;
		this.context = context;
		this.servletContext = servletContext;
		this.servletName = servletName;
		this.method = StringUtils.hasText(event.httpMethod()) ? event.httpMethod().toUpperCase(Locale.ROOT) : "GET";
		this.headers.putAll(event.headers());
		this.headers.put("Lambda-Runtime-Function-Name", List.of(context.getFunctionName()));
		this.headers.put("Lambda-Runtime-Function-Version", List.of(context.getFunctionVersion()));
		this.headers.put("Lambda-Runtime-Memory-Limit", List.of(Integer.toString(context.getMemoryLimitInMB())));
		this.headers.put("Lambda-Runtime-Aws-Request-Id", List.of(context.getRequestId()));
		this.headers.put("Lambda-Runtime-Token-Json", List.of(context.getTokenJson()));
		String url = StringUtils.hasText(event.url()) ? event.url() : "/";
		int question = url.indexOf('?');
		String path = (question < 0) ? url : url.substring(0, question);
		this.requestUri = path.startsWith("/") ? path : "/" + path;
		this.queryString = (question >= 0) ? url.substring(question + 1) : queryOf(event);
		this.body = bodyOf(event);
	}

	private static String queryOf(ProxyEvent event) {
		Map<String, List<String>> query = event.query();
		if (query.isEmpty()) {
			return null;
		}
		List<String> pairs = new ArrayList<>();
		query.forEach((name, values) -> values.forEach((value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
				+ "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
		return String.join("&", pairs);
	}

	private static byte[] bodyOf(ProxyEvent event) {
		if (event.body() == null) {
			return new byte[0];
		}
		return event.base64Encoded() ? Base64.getMimeDecoder().decode(event.body())
				: event.body().getBytes(StandardCharsets.UTF_8);
	}

	private Map<String, String[]> parameters() {
		if (this.parameters == null) {
			Map<String, List<String>> values = new LinkedHashMap<>();
			addPairs(values, this.queryString, StandardCharsets.UTF_8);
			if (!this.bodyRead && isForm()) {
				addPairs(values, new String(this.body, StandardCharsets.ISO_8859_1), charset());
			}
			Map<String, String[]> parameters = new LinkedHashMap<>();
			values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(parameters);
		}
		return this.parameters;
	}

	private boolean isForm() {
		String contentType = getContentType();
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
	}

	private static void addPairs(Map<String, List<String>> values, String text, Charset charset) {
		if (!StringUtils.hasLength(text)) {
			return;
		}
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals), charset);
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1), charset);
			values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
	}

	private static String decode(String text, Charset charset) {
		String decoded = URLDecoder.decode(text, StandardCharsets.ISO_8859_1);
		return new String(decoded.getBytes(StandardCharsets.ISO_8859_1), charset);
	}

	private Charset charset() {
		String encoding = getCharacterEncoding();
		return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
	}

	@Override
	public Object getAttribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public Enumeration<String> getAttributeNames() {
		return Collections.enumeration(new ArrayList<>(this.attributes.keySet()));
	}

	@Override
	public String getCharacterEncoding() {
		if (this.characterEncoding != null) {
			return this.characterEncoding;
		}
		String contentType = getContentType();
		if (contentType != null) {
			try {
				Charset charset = MediaType.parseMediaType(contentType).getCharset();
				if (charset != null) {
					return charset.name();
				}
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		return null;
	}

	@Override
	public void setCharacterEncoding(String encoding) throws UnsupportedEncodingException {
		if (!Charset.isSupported(encoding)) {
			throw new UnsupportedEncodingException(encoding);
		}
		this.characterEncoding = encoding;
	}

	@Override
	public int getContentLength() {
		return this.body.length;
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length;
	}

	@Override
	public String getContentType() {
		return getHeader("Content-Type");
	}

	@Override
	public ServletInputStream getInputStream() {
		if (this.reader != null) {
			throw new IllegalStateException("getReader() has already been called for this request");
		}
		if (this.inputStream == null) {
			this.bodyRead = true;
			this.inputStream = new BodyInputStream(this.body);
		}
		return this.inputStream;
	}

	@Override
	public BufferedReader getReader() {
		if (this.inputStream != null) {
			throw new IllegalStateException("getInputStream() has already been called for this request");
		}
		if (this.reader == null) {
			this.bodyRead = true;
			this.reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(this.body), charset()));
		}
		return this.reader;
	}

	@Override
	public String getParameter(String name) {
		String[] values = parameters().get(name);
		return (values != null) ? values[0] : null;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(parameters().keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		String[] values = parameters().get(name);
		return (values != null) ? values.clone() : null;
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return parameters();
	}

	@Override
	public String getProtocol() {
		return "HTTP/1.1";
	}

	@Override
	public String getScheme() {
		String forwarded = getHeader("X-Forwarded-Proto");
		return (forwarded != null) ? forwarded : "http";
	}

	@Override
	public String getServerName() {
		String host = getHeader("Host");
		if (host == null) {
			return "localhost";
		}
		int colon = host.lastIndexOf(':');
		return (colon > 0 && !host.endsWith("]")) ? host.substring(0, colon) : host;
	}

	@Override
	public int getServerPort() {
		String host = getHeader("Host");
		int colon = (host != null) ? host.lastIndexOf(':') : -1;
		if (colon > 0 && !host.endsWith("]")) {
			try {
				return Integer.parseInt(host.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				return isSecure() ? 443 : 80;
			}
		}
		return isSecure() ? 443 : 80;
	}

	@Override
	public String getRemoteAddr() {
		return StringUtils.hasText(this.event.sourceIp()) ? this.event.sourceIp() : "127.0.0.1";
	}

	@Override
	public String getRemoteHost() {
		return getRemoteAddr();
	}

	@Override
	public void setAttribute(String name, Object value) {
		if (value == null) {
			this.attributes.remove(name);
		}
		else {
			this.attributes.put(name, value);
		}
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
	}

	@Override
	public Locale getLocale() {
		return getLocales().nextElement();
	}

	@Override
	public Enumeration<Locale> getLocales() {
		String acceptLanguage = getHeader("Accept-Language");
		List<Locale> locales = new ArrayList<>();
		if (acceptLanguage != null) {
			try {
				Locale.LanguageRange.parse(acceptLanguage)
					.stream()
					.filter((range) -> !range.getRange().equals("*"))
					.forEach((range) -> locales.add(Locale.forLanguageTag(range.getRange())));
			}
			catch (IllegalArgumentException ex) {
				locales.clear();
			}
		}
		if (locales.isEmpty()) {
			locales.add(Locale.getDefault());
		}
		return Collections.enumeration(locales);
	}

	@Override
	public boolean isSecure() {
		return "https".equalsIgnoreCase(getScheme());
	}

	/** No dispatcher: the request is no container's, so it cannot be forwarded within one. */
	@Override
	public RequestDispatcher getRequestDispatcher(String path) {
		return null;
	}

	@Override
	public int getRemotePort() {
		return 0;
	}

	@Override
	public String getLocalName() {
		return getServerName();
	}

	@Override
	public String getLocalAddr() {
		return "127.0.0.1";
	}

	@Override
	public int getLocalPort() {
		return getServerPort();
	}

	@Override
	public ServletContext getServletContext() {
		return this.servletContext;
	}

	@Override
	public AsyncContext startAsync() {
		throw new IllegalStateException("A function's servlet cannot process a request asynchronously");
	}

	@Override
	public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
		return startAsync();
	}

	@Override
	public boolean isAsyncStarted() {
		return false;
	}

	@Override
	public boolean isAsyncSupported() {
		return false;
	}

	@Override
	public AsyncContext getAsyncContext() {
		throw new IllegalStateException("A function's servlet cannot process a request asynchronously");
	}

	@Override
	public DispatcherType getDispatcherType() {
		return DispatcherType.REQUEST;
	}

	@Override
	public String getRequestId() {
		return this.context.getRequestId();
	}

	@Override
	public String getProtocolRequestId() {
		return "";
	}

	@Override
	public ServletConnection getServletConnection() {
		return new ServletConnection() {

			@Override
			public String getConnectionId() {
				return EventRequest.this.context.getRequestId();
			}

			@Override
			public String getProtocol() {
				return EventRequest.this.getProtocol();
			}

			@Override
			public String getProtocolConnectionId() {
				return "";
			}

			@Override
			public boolean isSecure() {
				return EventRequest.this.isSecure();
			}

		};
	}

	@Override
	public String getAuthType() {
		return null;
	}

	@Override
	public Cookie[] getCookies() {
		List<Cookie> cookies = new ArrayList<>();
		for (String header : this.headers.getOrDefault("Cookie", List.of())) {
			for (String pair : header.split(";")) {
				int equals = pair.indexOf('=');
				String name = (equals < 0) ? pair.trim() : pair.substring(0, equals).trim();
				if (!name.isEmpty()) {
					try {
						cookies.add(new Cookie(name, (equals < 0) ? "" : pair.substring(equals + 1).trim()));
					}
					catch (IllegalArgumentException ex) {
						continue;
					}
				}
			}
		}
		return cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
	}

	@Override
	public long getDateHeader(String name) {
		String value = getHeader(name);
		if (value == null) {
			return -1;
		}
		try {
			return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Header " + name + " is not a date: " + value, ex);
		}
	}

	@Override
	public String getHeader(String name) {
		List<String> values = this.headers.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return Collections.enumeration(this.headers.getOrDefault(name, List.of()));
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections.enumeration(new ArrayList<>(this.headers.keySet()));
	}

	@Override
	public int getIntHeader(String name) {
		String value = getHeader(name);
		return (value != null) ? Integer.parseInt(value) : -1;
	}

	@Override
	public HttpServletMapping getHttpServletMapping() {
		return new HttpServletMapping() {

			@Override
			public String getMatchValue() {
				return "";
			}

			@Override
			public String getPattern() {
				return "/";
			}

			@Override
			public String getServletName() {
				return EventRequest.this.servletName;
			}

			@Override
			public MappingMatch getMappingMatch() {
				return MappingMatch.DEFAULT;
			}

		};
	}

	@Override
	public String getMethod() {
		return this.method;
	}

	@Override
	public String getPathInfo() {
		return null;
	}

	@Override
	public String getPathTranslated() {
		return null;
	}

	@Override
	public String getContextPath() {
		return "";
	}

	@Override
	public String getQueryString() {
		return this.queryString;
	}

	@Override
	public String getRemoteUser() {
		return null;
	}

	@Override
	public boolean isUserInRole(String role) {
		return false;
	}

	@Override
	public Principal getUserPrincipal() {
		return null;
	}

	@Override
	public String getRequestedSessionId() {
		return null;
	}

	@Override
	public String getRequestURI() {
		return this.requestUri;
	}

	@Override
	public StringBuffer getRequestURL() {
		int port = getServerPort();
		boolean defaultPort = (port == 80 && !isSecure()) || (port == 443 && isSecure());
		return new StringBuffer(getScheme()).append("://")
			.append(getServerName())
			.append(defaultPort ? "" : ":" + port)
			.append(this.requestUri);
	}

	@Override
	public String getServletPath() {
		return URLDecoder.decode(this.requestUri.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	/** No session: a function keeps no state between calls but its instance's own. */
	@Override
	public HttpSession getSession(boolean create) {
		if (create) {
			throw new IllegalStateException("A function's servlet has no HTTP session");
		}
		return null;
	}

	@Override
	public HttpSession getSession() {
		return getSession(true);
	}

	@Override
	public String changeSessionId() {
		throw new IllegalStateException("A function's servlet has no HTTP session");
	}

	@Override
	public boolean isRequestedSessionIdValid() {
		return false;
	}

	@Override
	public boolean isRequestedSessionIdFromCookie() {
		return false;
	}

	@Override
	public boolean isRequestedSessionIdFromURL() {
		return false;
	}

	@Override
	public boolean authenticate(HttpServletResponse response) {
		return false;
	}

	@Override
	public void login(String username, String password) throws ServletException {
		throw new ServletException("A function's servlet has no container login");
	}

	@Override
	public void logout() {
	}

	@Override
	public Collection<Part> getParts() throws ServletException {
		throw new ServletException("A function's servlet does not read multipart bodies");
	}

	@Override
	public Part getPart(String name) throws ServletException {
		throw new ServletException("A function's servlet does not read multipart bodies");
	}

	@Override
	public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws ServletException {
		throw new ServletException("A function's servlet cannot upgrade its connection");
	}

	/**
	 * The body as a servlet stream, read from memory: always ready, finished at its end.
	 */
	private static final class BodyInputStream extends ServletInputStream {

		private final ByteArrayInputStream in;

		BodyInputStream(byte[] body) {
			this.in = new ByteArrayInputStream(body);
		}

		@Override
		public int read() {
			return this.in.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.in.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new IllegalStateException("A function's servlet reads its body synchronously");
		}

	}

}
