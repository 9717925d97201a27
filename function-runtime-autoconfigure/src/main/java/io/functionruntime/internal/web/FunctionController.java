package io.functionruntime.internal.web;

import java.io.IOException;

import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.event.EventBindingException;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.registry.FunctionDefinition;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.HttpRequestHandler;

/**
 * The one entry of every call, behind the {@link FunctionServlet}: routes
 * {@code /<entry point>}, {@code /<function id>} or {@code /} to a function, builds its
 * event in HTTP or raw mode, invokes it and writes the outcome. Whatever happens, the
 * client gets a complete answer with a request id.
 */
public class FunctionController implements HttpRequestHandler {

	private static final Logger logger = LoggerFactory.getLogger(FunctionController.class);

	private final FunctionRegistry registry;

	private final HttpEventMapper eventMapper;

	private final EventBinder eventBinder;

	private final FunctionInvoker invoker;

	private final ResponseWriter responseWriter;

	private final long maxEventSize;

	private final FunctionAccessCheck accessCheck;

	public FunctionController(FunctionRegistry registry, HttpEventMapper eventMapper, EventBinder eventBinder,
			FunctionInvoker invoker, ResponseWriter responseWriter, long maxEventSize,
			FunctionAccessCheck accessCheck) {
		this.registry = registry;
		this.eventMapper = eventMapper;
		this.eventBinder = eventBinder;
		this.invoker = invoker;
		this.responseWriter = responseWriter;
		this.maxEventSize = maxEventSize;
		this.accessCheck = accessCheck;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long arrivalMillis = System.currentTimeMillis();
		String requestId = RequestIds.next();
		response.setHeader(HeaderNames.REQUEST_ID, requestId);
		try {
			FunctionDefinition function = route(request);
			this.accessCheck.check(request, response, function);
			this.responseWriter.identify(response, function);
			QueryString query = QueryString.parse(request.getQueryString());
			Object event = query.raw() ? rawEvent(request, function)
					: httpEvent(request, query, function, requestId, arrivalMillis);
			invoke(request, response, function, event, requestId, query.raw());
		}
		catch (RequestRejectedException ex) {
			if (ex.status() == 413) {
				response.setHeader("Connection", "close");
			}
			this.responseWriter.writeError(response, ex.status(), ErrorBody.of(ex.errorType(), ex.getMessage()));
			completeAsync(request);
		}
		catch (EventBindingException ex) {
			this.responseWriter.writeError(response, 400, ErrorBody.of("BadRequest", ex.getMessage()));
			completeAsync(request);
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			logger.error("Runtime fault, RequestID: {}", requestId, ex);
			if (!response.isCommitted()) {
				response.resetBuffer();
				this.responseWriter.writeError(response, 500,
						ErrorBody.of("InternalError", "The function runtime failed to process the request"));
			}
			completeAsync(request);
		}
	}

	/** Ends an asynchronous request that failed before its answer, so that it cannot hang. */
	private static void completeAsync(HttpServletRequest request) {
		if (request.isAsyncStarted()) {
			request.getAsyncContext().complete();
		}
	}

	/**
	 * Hands the call to the invoker. The request goes asynchronous first, so that the
	 * invoker's deadline can answer a call whose handler still holds this thread.
	 */
	private void invoke(HttpServletRequest request, HttpServletResponse response, FunctionDefinition function,
			Object event, String requestId, boolean raw) throws IOException {
		AsyncContext async = request.isAsyncSupported() ? request.startAsync(request, response) : null;
		if (async != null) {
			async.setTimeout(0);
		}
		this.invoker.invoke(function, event, requestId, (result) -> {
			try {
				return this.responseWriter.write(response, result, raw, requestId);
			}
			finally {
				if (async != null) {
					async.complete();
				}
			}
		});
	}

	private FunctionDefinition route(HttpServletRequest request) {
		String route = routeOf(request);
		FunctionDefinition function = (route.indexOf('/') < 0 && route.indexOf('%') < 0 && route.indexOf(';') < 0)
				? this.registry.find(route) : null;
		if (function == null) {
			throw new RequestRejectedException(404, "NotFound",
					route.isEmpty() ? "No default function: configure function-runtime.default-function"
							: "Function not found: no function has the entry point or id '" + route + "'");
		}
		return function;
	}

	/**
	 * Reads the route of a request: its raw path, without the context path and the leading
	 * slash, neither decoded nor normalised, so that a path that is not exactly one entry
	 * point or id reaches no function.
	 */
	static String routeOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/") ? path.substring(1) : path;
	}

	private Object rawEvent(HttpServletRequest request, FunctionDefinition function) {
		return this.eventBinder.bindRaw(RequestBody.read(request, this.maxEventSize, this.maxEventSize),
				function.adapter());
	}

	private Object httpEvent(HttpServletRequest request, QueryString query, FunctionDefinition function,
			String requestId, long arrivalMillis) {
		byte[] body = RequestBody.read(request, HttpEventMapper.bodyLimit(request, this.maxEventSize),
				this.maxEventSize);
		return this.eventBinder.bindHttp(this.eventMapper.toEvent(request, query, body, requestId, arrivalMillis),
				function.adapter());
	}

}
