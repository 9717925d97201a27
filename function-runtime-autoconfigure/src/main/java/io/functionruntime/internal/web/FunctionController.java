package io.functionruntime.internal.web;

import java.io.IOException;
import java.time.Duration;

import io.functionruntime.internal.async.AsyncInvocations;
import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.event.EventBindingException;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.registry.FunctionDefinition;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.HttpRequestHandler;

/**
 * The one path of every call: behind the {@link FunctionServlet} it routes
 * {@code /<entry point>}, {@code /<function id>} or {@code /} to a function and builds its
 * event in HTTP or raw mode; the API Gateway emulation plugs in its own {@link CallRouter}.
 * Then it reads the body, invokes the function and writes the outcome. Whatever happens,
 * the client gets a complete answer with a request id.
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

	private final Duration bodyReadTimeout;

	private final AsyncInvocations asyncInvocations;

	public FunctionController(FunctionRegistry registry, HttpEventMapper eventMapper, EventBinder eventBinder,
			FunctionInvoker invoker, ResponseWriter responseWriter, long maxEventSize,
			FunctionAccessCheck accessCheck, Duration bodyReadTimeout, AsyncInvocations asyncInvocations) {
		this.registry = registry;
		this.eventMapper = eventMapper;
		this.eventBinder = eventBinder;
		this.invoker = invoker;
		this.responseWriter = responseWriter;
		this.maxEventSize = maxEventSize;
		this.accessCheck = accessCheck;
		this.bodyReadTimeout = bodyReadTimeout;
		this.asyncInvocations = asyncInvocations;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		serve(request, response, this::routeDirect);
	}

	/**
	 * Serves one call: routes it, reads its body within the limits, builds the handler's
	 * argument, invokes the function and writes the outcome.
	 * @param request the call
	 * @param response its response
	 * @param router what finds the call's function and builds its event
	 */
	public void serve(HttpServletRequest request, HttpServletResponse response, CallRouter router) {
		long arrivalMillis = System.currentTimeMillis();
		String requestId = RequestIds.next();
		response.setHeader(HeaderNames.REQUEST_ID, requestId);
		try {
			CallTarget target = router.route(request, response);
			this.responseWriter.identify(response, target.function());
			Arrival arrival = new Arrival(target, requestId, arrivalMillis);
			RequestBody body = new RequestBody(request, target.bodyLimit(request, this.maxEventSize),
					() -> target.tooLarge(request, this.maxEventSize));
			ServletInputStream in = request.getInputStream();
			if (body.readArrived(in)) {
				dispatch(request, response, arrival, body.bytes(), null);
			}
			else if (!request.isAsyncSupported()) {
				body.readRest(in);
				dispatch(request, response, arrival, body.bytes(), null);
			}
			else {
				BodyReceiver.start(body, in, request.startAsync(request, response), this.bodyReadTimeout,
						(bytes, async) -> dispatch(request, response, arrival, bytes, async),
						(failure) -> answerFailure(response, requestId, failure));
			}
		}
		catch (Throwable ex) {
			fail(request, response, requestId, ex);
		}
	}

	/**
	 * Builds the event from the whole body and hands the call to the invoker. The request
	 * is asynchronous by then, so that the invoker's deadline can answer a call whose
	 * handler still holds this thread.
	 */
	private void dispatch(HttpServletRequest request, HttpServletResponse response, Arrival arrival, byte[] body,
			AsyncContext started) throws IOException {
		CallTarget target = arrival.target();
		FunctionDefinition function = target.function();
		Object event = target.argument(request, body, arrival.requestId(), arrival.millis());
		AsyncContext async = (started != null) ? started
				: request.isAsyncSupported() ? request.startAsync(request, response) : null;
		if (async != null && started == null) {
			async.setTimeout(0);
		}
		boolean raw = target.raw();
		if (target.async()) {
			this.responseWriter.answerAsync(response, function,
					this.asyncInvocations.submit(function, event, arrival.requestId()), arrival.requestId());
			if (async != null) {
				async.complete();
			}
			return;
		}
		this.invoker.invoke(function, event, arrival.requestId(), (result) -> {
			try {
				return this.responseWriter.write(response, function, result, raw, arrival.requestId());
			}
			finally {
				if (async != null) {
					async.complete();
				}
			}
		});
	}

	/**
	 * Answers a call that failed before its function could answer it, whatever the
	 * failure, so that the client always gets a complete answer with the request id.
	 */
	private void fail(HttpServletRequest request, HttpServletResponse response, String requestId, Throwable failure) {
		try {
			answerFailure(response, requestId, failure);
		}
		finally {
			if (request.isAsyncStarted()) {
				request.getAsyncContext().complete();
			}
		}
	}

	private void answerFailure(HttpServletResponse response, String requestId, Throwable failure) {
		try {
			if (failure instanceof RequestRejectedException ex) {
				if (ex.status() == 413 || ex.status() == 408) {
					response.setHeader("Connection", "close");
				}
				this.responseWriter.writeError(response, ex.status(), ErrorBody.of(ex.errorType(), ex.getMessage()));
			}
			else if (failure instanceof EventBindingException ex) {
				this.responseWriter.writeError(response, 400, ErrorBody.of("BadRequest", ex.getMessage()));
			}
			else if (failure instanceof IOException ex) {
				logger.debug("The client of RequestID {} is gone: {}", requestId, ex.toString());
			}
			else {
				logger.error("Runtime fault, RequestID: {}", requestId, failure);
				if (!response.isCommitted()) {
					response.resetBuffer();
					this.responseWriter.writeError(response, 500,
							ErrorBody.of("InternalError", "The function runtime failed to process the request"));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("The answer to RequestID {} could not be written: {}", requestId, ex.toString());
		}
	}

	/** Routes a direct call: {@code /<entry point>}, {@code /<function id>} or {@code /}. */
	private CallTarget routeDirect(HttpServletRequest request, HttpServletResponse response) {
		FunctionDefinition function = route(request);
		this.accessCheck.check(request, response, function);
		return new DirectCall(function, QueryString.parse(request.getQueryString()));
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

	/** What is known of a call before its body has arrived. */
	private record Arrival(CallTarget target, String requestId, long millis) {
	}

	/** A call to {@code /<entry point>} or {@code /<function id>}: the HTTP event, or raw mode. */
	private final class DirectCall implements CallTarget {

		private final FunctionDefinition function;

		private final QueryString query;

		private DirectCall(FunctionDefinition function, QueryString query) {
			this.function = function;
			this.query = query;
		}

		@Override
		public FunctionDefinition function() {
			return this.function;
		}

		@Override
		public boolean raw() {
			return this.query.raw();
		}

		@Override
		public boolean async() {
			return this.query.async();
		}

		@Override
		public long bodyLimit(HttpServletRequest request, long eventLimit) {
			return this.query.raw() ? eventLimit : HttpEventMapper.bodyLimit(request, eventLimit);
		}

		@Override
		public Object argument(HttpServletRequest request, byte[] body, String requestId, long arrivalMillis) {
			EventBinder binder = FunctionController.this.eventBinder;
			return this.query.raw() ? binder.bindRaw(body, this.function.adapter())
					: binder.bindHttp(FunctionController.this.eventMapper.toEvent(request, this.query, body, requestId,
							arrivalMillis), this.function.adapter());
		}

	}

}
