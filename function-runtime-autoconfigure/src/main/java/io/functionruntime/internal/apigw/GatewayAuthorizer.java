package io.functionruntime.internal.apigw;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.web.RequestIds;
import io.functionruntime.internal.web.RequestRejectedException;
import io.functionruntime.invoke.InvocationResult;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides, before the integration is called, whether the function authorizers of an
 * operation's {@code security} let a request through, as the gateway does: 401 when the
 * request carries no credential a requirement names, 403 when an authorizer answers
 * {@code isAuthorized: false}, 500 when it fails or answers something else. A decision is
 * kept for the scheme's {@code authorizer_result_ttl_in_seconds}, by the clock given, so
 * that the authorizer is not called again within it.
 */
final class GatewayAuthorizer {

	private static final int MAX_DECISIONS = 10_000;

	private static final int MAX_REPLY_IN_MESSAGE = 256;

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final GatewayEvents events;

	private final EventBinder eventBinder;

	private final FunctionInvoker invoker;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final Map<String, Decision> decisions = new ConcurrentHashMap<>();

	GatewayAuthorizer(GatewayEvents events, EventBinder eventBinder, FunctionInvoker invoker, JsonMapper jsonMapper,
			Clock clock) {
		this.events = events;
		this.eventBinder = eventBinder;
		this.invoker = invoker;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * Authorizes a request: the first requirement whose credentials it carries decides.
	 * @param request the request
	 * @param match the operation it reaches
	 * @param requestId the request id
	 * @return the context the authorizers gave, merged, or {@code null} when the operation
	 * requires none
	 * @throws RequestRejectedException when the request may not reach the operation
	 */
	Map<String, Object> authorize(HttpServletRequest request, GatewayRoutes.Match match, String requestId) {
		List<List<SecurityScheme>> requirements = match.operation().security();
		if (requirements.isEmpty()) {
			return null;
		}
		for (List<SecurityScheme> requirement : requirements) {
			if (requirement.stream().allMatch((scheme) -> scheme.credential(request) != null)) {
				Map<String, Object> context = new LinkedHashMap<>();
				for (SecurityScheme scheme : requirement) {
					context.putAll(decide(request, match, scheme, requestId));
				}
				return context;
			}
		}
		throw RequestRejectedException.unauthorized("Unauthorized: " + match.operation().describe() + " requires "
				+ requirements.stream()
					.map((requirement) -> requirement.stream().map(SecurityScheme::describe)
						.collect(Collectors.joining(" and ")))
					.collect(Collectors.joining(", or ")));
	}

	private Map<String, Object> decide(HttpServletRequest request, GatewayRoutes.Match match, SecurityScheme scheme,
			String requestId) {
		long now = this.clock.millis();
		String key = (scheme.ttl() != null) ? key(request, match, scheme) : null;
		Decision decision = (key != null) ? this.decisions.get(key) : null;
		if (decision == null || decision.expiresMillis() <= now) {
			decision = call(request, match, scheme, requestId, now);
			if (key != null) {
				keep(key, decision, now);
			}
		}
		if (!decision.authorized()) {
			throw RequestRejectedException.forbidden("Forbidden: the authorizer " + scheme.function().entryPoint()
					+ " of security scheme '" + scheme.name() + "' answered isAuthorized: false");
		}
		return decision.context();
	}

	/** The scheme, the method, the spec path or the URI, and the credential. */
	private static String key(HttpServletRequest request, GatewayRoutes.Match match, SecurityScheme scheme) {
		String target = scheme.cacheByUri()
				? GatewayRouting.pathOf(request) + "?" + ((request.getQueryString() != null) ? request.getQueryString() : "")
				: match.operation().path().toString();
		return String.join("\n", scheme.name(), request.getMethod(), target, scheme.credential(request));
	}

	private void keep(String key, Decision decision, long now) {
		if (this.decisions.size() >= MAX_DECISIONS) {
			this.decisions.values().removeIf((kept) -> kept.expiresMillis() <= now);
		}
		if (this.decisions.size() < MAX_DECISIONS) {
			this.decisions.put(key, decision);
		}
	}

	private Decision call(HttpServletRequest request, GatewayRoutes.Match match, SecurityScheme scheme,
			String requestId, long now) {
		String failure = "Authorizer " + scheme.function().entryPoint() + " of security scheme '" + scheme.name()
				+ "' ";
		InvocationResult result;
		try {
			Object event = this.eventBinder.bindJson(this.events.toAuthorizerEvent(request, match, requestId, now),
					scheme.function().adapter());
			result = this.invoker.invoke(scheme.function(), event, RequestIds.next());
		}
		catch (RuntimeException ex) {
			throw RequestRejectedException.internalError(failure + "could not be called: " + ex.getMessage());
		}
		if (!(result instanceof InvocationResult.Success success)) {
			throw RequestRejectedException.internalError(failure + "failed: " + describe(result));
		}
		JsonNode reply = tree(success.value());
		JsonNode authorized = (reply != null) ? reply.get("isAuthorized") : null;
		JsonNode context = (reply != null) ? reply.get("context") : null;
		if (authorized == null || !authorized.isBoolean() || (context != null && !context.isObject()
				&& !context.isNull())) {
			throw RequestRejectedException.internalError(failure + "answered " + cut(success.value())
					+ ", not {\"isAuthorized\": true|false, \"context\": {...}}");
		}
		Map<String, Object> contextMap = (context != null && context.isObject())
				? this.jsonMapper.convertValue(context, MAP) : Map.of();
		long ttlMillis = (scheme.ttl() != null) ? scheme.ttl().toMillis() : 0;
		return new Decision(authorized.asBoolean(), contextMap, now + ttlMillis);
	}

	private JsonNode tree(Object value) {
		try {
			JsonNode tree = (value instanceof String text) ? this.jsonMapper.readTree(text)
					: (value instanceof byte[] bytes) ? this.jsonMapper.readTree(bytes)
							: this.jsonMapper.valueToTree(value);
			return (tree != null && tree.isObject()) ? tree : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String describe(InvocationResult result) {
		if (result instanceof InvocationResult.Failure failure) {
			return failure.error().toString();
		}
		if (result instanceof InvocationResult.TimedOut timedOut) {
			return "timed out after " + timedOut.timeoutMillis() + " ms";
		}
		return (result instanceof InvocationResult.Throttled throttled) ? throttled.reason()
				: ((InvocationResult.ShuttingDown) result).reason();
	}

	private static String cut(Object value) {
		String text = String.valueOf(value);
		return (text.length() > MAX_REPLY_IN_MESSAGE) ? text.substring(0, MAX_REPLY_IN_MESSAGE) + "…" : text;
	}

	/** An authorizer's decision, kept until it expires. */
	private record Decision(boolean authorized, Map<String, Object> context, long expiresMillis) {
	}

}
