package io.functionruntime.internal.apigw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operations of the gateway's spec in the order the gateway tries them: by
 * {@link PathTemplate#PRECEDENCE}, then as the spec lists them. A request takes the first
 * operation whose path matches and that names its method, an explicit method before
 * {@code x-yc-apigateway-any-method} on the same path.
 * <p>
 * The gateway owns the paths its spec names: those that match a path of the spec, and
 * every path under a first segment the spec writes literally ({@code /users/...} for
 * {@code /users/{id}}), which it answers 404 when no operation matches. Other paths stay
 * the application's, and the runtime's direct routes ({@code /<entry point>},
 * {@code /<function id>}) are never the gateway's.
 */
public final class GatewayRoutes {

	private final List<GatewayOperation> operations;

	private final Set<String> ownedSegments;

	private final Set<String> directRoutes;

	private final List<String> authorizersNotEmulated;

	GatewayRoutes(List<GatewayOperation> operations, Set<String> directRoutes, List<String> authorizersNotEmulated) {
		List<GatewayOperation> sorted = new ArrayList<>(operations);
		sorted.sort(Comparator.comparing(GatewayOperation::path, PathTemplate.PRECEDENCE)
			.thenComparing((operation) -> operation.method() == null));
		this.operations = List.copyOf(sorted);
		this.ownedSegments = operations.stream()
			.map((operation) -> operation.path().firstLiteral())
			.filter(Objects::nonNull)
			.collect(Collectors.toUnmodifiableSet());
		this.directRoutes = Set.copyOf(directRoutes);
		this.authorizersNotEmulated = List.copyOf(authorizersNotEmulated);
	}

	/**
	 * Finds what a request reaches, when it is the gateway's.
	 * @param method the request's method
	 * @param rawPath the request's path as sent, without the context path
	 * @return the match, {@link Match#NO_PATH} when the gateway owns the path but no path of
	 * the spec matches it, a match without an operation when paths match but none names the
	 * method, or {@code null} when the request is not the gateway's
	 */
	Match route(String method, String rawPath) {
		if (this.directRoutes.contains(rawPath)) {
			return null;
		}
		Match match = match(method, rawPath);
		return (match != Match.NO_PATH || this.ownedSegments.contains(PathTemplate.firstSegment(rawPath))) ? match
				: null;
	}

	private Match match(String method, String rawPath) {
		GatewayOperation firstMatched = null;
		for (GatewayOperation operation : this.operations) {
			Map<String, String> values = operation.path().match(rawPath);
			if (values == null) {
				continue;
			}
			if (operation.method() == null || operation.method().equals(method)) {
				return new Match(operation, values, operation.cors());
			}
			if (firstMatched == null) {
				firstMatched = operation;
			}
		}
		return (firstMatched != null) ? new Match(null, Map.of(), firstMatched.cors()) : Match.NO_PATH;
	}

	/** @return the operations whose integration type the runtime does not emulate, described */
	public List<String> notEmulated() {
		return this.operations.stream()
			.filter((operation) -> operation.function() == null)
			.map((operation) -> operation.describe() + " (" + operation.integration().type() + ")")
			.toList();
	}

	/** @return the security schemes whose authorizer type is not emulated, described */
	public List<String> authorizersNotEmulated() {
		return this.authorizersNotEmulated;
	}

	/**
	 * Lists the operations that no request reaches, because their path is a direct route of
	 * the runtime.
	 * @return the operations, described
	 */
	public List<String> shadowedByDirectRoutes() {
		return this.operations.stream()
			.filter((operation) -> this.directRoutes.stream().anyMatch((route) -> !operation.path().toString().contains("{")
					&& operation.path().match(route) != null))
			.map(GatewayOperation::describe)
			.toList();
	}

	/** @return every operation, in the order they are tried, with the function that serves it */
	public List<String> describe() {
		return this.operations.stream()
			.map((operation) -> operation.describe() + " -> " + ((operation.function() != null)
					? operation.function().entryPoint() : operation.integration().type()))
			.toList();
	}

	/**
	 * The operation a request reaches.
	 *
	 * @param operation the operation, {@code null} when there is none
	 * @param pathParameters its path parameters with their decoded values
	 * @param cors the CORS rule in effect on the path it matches, or {@code null}
	 */
	record Match(GatewayOperation operation, Map<String, String> pathParameters, CorsRule cors) {

		static final Match NO_PATH = new Match(null, Map.of(), null);

	}

}
