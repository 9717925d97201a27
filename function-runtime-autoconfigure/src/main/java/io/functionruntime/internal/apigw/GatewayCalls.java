package io.functionruntime.internal.apigw;

import java.util.Map;

import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.web.CallTarget;
import io.functionruntime.internal.web.HttpEventMapper;
import io.functionruntime.internal.web.RequestRejectedException;
import io.functionruntime.registry.FunctionDefinition;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns a request the gateway matched into a call: the operation's function with the
 * event the gateway builds, a JSON 404 when the gateway owns the path but no operation
 * matches its path or method, and a JSON 501 for an integration the runtime does not emulate.
 */
public final class GatewayCalls {

	private final GatewayEvents events;

	private final EventBinder eventBinder;

	private final long maxRequestSize;

	public GatewayCalls(String gatewayId, EventBinder eventBinder, long maxRequestSize) {
		this.events = new GatewayEvents(gatewayId);
		this.eventBinder = eventBinder;
		this.maxRequestSize = maxRequestSize;
	}

	CallTarget route(HttpServletRequest request, GatewayRoutes.Match match) {
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
		return new GatewayCall(match);
	}

	/** A call of an operation's function with the gateway's event. */
	private final class GatewayCall implements CallTarget {

		private final GatewayRoutes.Match match;

		private GatewayCall(GatewayRoutes.Match match) {
			this.match = match;
		}

		@Override
		public FunctionDefinition function() {
			return this.match.operation().function();
		}

		@Override
		public boolean raw() {
			return false;
		}

		@Override
		public long bodyLimit(HttpServletRequest request, long eventLimit) {
			return Math.min(GatewayCalls.this.maxRequestSize, HttpEventMapper.bodyLimit(request, eventLimit));
		}

		@Override
		public Object argument(HttpServletRequest request, byte[] body, String requestId, long arrivalMillis) {
			Map<String, Object> event = GatewayCalls.this.events.toEvent(request, this.match, body, requestId,
					arrivalMillis);
			return GatewayCalls.this.eventBinder.bindJson(event, function().adapter());
		}

	}

}
