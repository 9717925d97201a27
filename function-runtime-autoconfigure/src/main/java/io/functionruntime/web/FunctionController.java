package io.functionruntime.web;

import java.io.IOException;

import io.functionruntime.Context;
import io.functionruntime.invoke.ContextFactory;
import io.functionruntime.invoke.FunctionInvoker;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.HttpRequestHandler;

/**
 * The one entry of every call: routes {@code /<entry point>}, {@code /<function id>} or
 * {@code /} to a function, builds its event in HTTP or raw mode, invokes it and writes the
 * outcome. Whatever happens, the client gets a complete answer with a request id. It is
 * the application's {@link ErrorController} too, so the container's error pages are the
 * same JSON.
 */
public class FunctionController implements HttpRequestHandler, ErrorController {

	private static final Logger logger = LoggerFactory.getLogger(FunctionController.class);

	private final FunctionRegistry registry;

	private final HttpEventMapper eventMapper;

	private final EventBinder eventBinder;

	private final ContextFactory contextFactory;

	private final FunctionInvoker invoker;

	private final ResponseWriter responseWriter;

	private final long maxEventSize;

	private final FunctionAccessCheck accessCheck;

	public FunctionController(FunctionRegistry registry, HttpEventMapper eventMapper, EventBinder eventBinder,
			ContextFactory contextFactory, FunctionInvoker invoker, ResponseWriter responseWriter, long maxEventSize,
			FunctionAccessCheck accessCheck) {
		this.registry = registry;
		this.eventMapper = eventMapper;
		this.eventBinder = eventBinder;
		this.contextFactory = contextFactory;
		this.invoker = invoker;
		this.responseWriter = responseWriter;
		this.maxEventSize = maxEventSize;
		this.accessCheck = accessCheck;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			writeErrorPage(request, response);
			return;
		}
		long arrivalMillis = System.currentTimeMillis();
		long arrivalNanos = System.nanoTime();
		String requestId = RequestIds.next();
		response.setHeader(HttpEventMapper.REQUEST_ID, requestId);
		try {
			FunctionDefinition function = route(request);
			this.accessCheck.check(request, response, function);
			this.responseWriter.identify(response, function);
			QueryString query = QueryString.parse(request.getQueryString());
			Object event = query.raw() ? rawEvent(request, function)
					: httpEvent(request, query, function, requestId, arrivalMillis);
			long timeout = function.settings().timeout().toNanos();
			Context context = this.contextFactory.create(function, requestId, arrivalMillis + timeout / 1_000_000);
			invoke(request, response, function, event, context, arrivalNanos + timeout, query.raw());
		}
		catch (RequestRejectedException ex) {
			if (ex.status() == 413) {
				response.setHeader("Connection", "close");
			}
			this.responseWriter.writeError(response, ex.status(), ErrorBody.of(ex.errorType(), ex.getMessage()));
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
	 * Runs the call on this thread when the request can be answered from another one, so
	 * that the deadline's timer can answer a call whose handler is stuck; otherwise (a
	 * container without asynchronous support) on a worker thread while this one waits.
	 */
	private void invoke(HttpServletRequest request, HttpServletResponse response, FunctionDefinition function,
			Object event, Context context, long deadlineNanos, boolean raw) throws IOException {
		String requestId = context.getRequestId();
		if (!request.isAsyncSupported()) {
			this.invoker.invoke(function, event, context, deadlineNanos,
					(result) -> this.responseWriter.write(response, result, raw, requestId));
			return;
		}
		AsyncContext async = request.startAsync(request, response);
		async.setTimeout(0);
		this.invoker.invokeOnCallingThread(function, event, context, deadlineNanos, (result) -> {
			try {
				return this.responseWriter.write(response, result, raw, requestId);
			}
			finally {
				async.complete();
			}
		});
	}

	/**
	 * Answers the container's error dispatch, for failures outside the runtime (a filter,
	 * another servlet), with the same JSON error body as everything else.
	 */
	private void writeErrorPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = (status instanceof Integer value && value >= 400) ? value : 500;
		if (!response.containsHeader(HttpEventMapper.REQUEST_ID)) {
			response.setHeader(HttpEventMapper.REQUEST_ID, RequestIds.next());
		}
		this.responseWriter.writeError(response, code, ErrorBody.forStatus(code));
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
