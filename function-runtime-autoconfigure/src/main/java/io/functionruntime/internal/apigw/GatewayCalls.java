package io.functionruntime.internal.apigw;

import java.time.Clock;
import java.util.Map;

import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.web.CallTarget;
import io.functionruntime.internal.web.HeaderNames;
import io.functionruntime.internal.web.HttpEventMapper;
import io.functionruntime.internal.web.RequestRejectedException;
import io.functionruntime.registry.FunctionDefinition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a request the gateway matched into a call: the operation's function with the
 * event the gateway builds, a JSON 404 when the gateway owns the path but no operation
 * matches its path or method, a JSON 501 for an integration the runtime does not emulate,
 * and the answers of the operation's function authorizers.
 */
public final class GatewayCalls {

	private final GatewayEvents events;

	private final EventBinder eventBinder;

	private final GatewayAuthorizer authorizer;

	private final long maxRequestSize;

	public GatewayCalls(String gatewayId, EventBinder eventBinder, FunctionInvoker invoker, JsonMapper jsonMapper,
			Clock clock, long maxRequestSize) {
		this.events = new GatewayEvents(gatewayId);
		this.eventBinder = eventBinder;
		this.authorizer = new GatewayAuthorizer(this.events, eventBinder, invoker, jsonMapper, clock);
		this.maxRequestSize = maxRequestSize;
	}

	/**
	 * Routes a call the gateway matched, before its body is read.
	 * @param request the call
	 * @param response its response, which carries the call's request id
	 * @param match what the call matched
	 * @return the call of the operation's function
	 * @throws RequestRejectedException when no operation serves the call, or its
	 * authorizer refuses it
	 */
	CallTarget route(HttpServletRequest request, HttpServletResponse response, GatewayRoutes.Match match) {
		GatewayOperation operation = match.operation();
		if (match == GatewayRoutes.Match.NO_PATH) {
			throw RequestRejectedException.notFound("Not Found: no path of the API Gateway spec matches "
					+ GatewayRouting.pathOf(request));
		}
		if (operation == null) {
			throw RequestRejectedException.notFound("Not Found: the API Gateway spec has no " + request.getMethod()
					+ " operation for " + GatewayRouting.pathOf(request));
		}
		if (operation.function() == null) {
			throw RequestRejectedException.notImplemented("Integration type '" + operation.integration().type()
					+ "' of " + operation.describe() + " is not emulated by function-runtime; only cloud_functions is");
		}
		return new GatewayCall(match,
				this.authorizer.authorize(request, match, response.getHeader(HeaderNames.REQUEST_ID)));
	}

	/** A call of an operation's function with the gateway's event. */
	private final class GatewayCall implements CallTarget {

		private final GatewayRoutes.Match match;

		private final Map<String, Object> authorizer;

		private GatewayCall(GatewayRoutes.Match match, Map<String, Object> authorizer) {
			this.match = match;
			this.authorizer = authorizer;
		}

		@Override
		public FunctionDefinition function() {
			return this.match.operation().function();
		}

		@Override
		public boolean raw() {
			return false;
		}

		/** The gateway answers only synchronous calls: its {@code integration} is the spec's. */
		@Override
		public boolean async() {
			return false;
		}

		@Override
		public long bodyLimit(HttpServletRequest request, long eventLimit) {
			return Math.min(GatewayCalls.this.maxRequestSize, HttpEventMapper.bodyLimit(request, eventLimit));
		}

		@Override
		public RequestRejectedException tooLarge(HttpServletRequest request, long eventLimit) {
			long maxRequestSize = GatewayCalls.this.maxRequestSize;
			return (maxRequestSize < HttpEventMapper.bodyLimit(request, eventLimit))
					? RequestRejectedException.tooLarge("Request is too large: the API Gateway accepts a body of at "
							+ "most " + maxRequestSize + " bytes (function-runtime.api-gateway.max-request-size)")
					: CallTarget.super.tooLarge(request, eventLimit);
		}

		@Override
		public Object argument(HttpServletRequest request, byte[] body, String requestId, long arrivalMillis) {
			Map<String, Object> event = GatewayCalls.this.events.toEvent(request, this.match, body, requestId,
					arrivalMillis, this.authorizer);
			return GatewayCalls.this.eventBinder.bindJson(event, function().adapter());
		}

	}

}
