package io.functionruntime.internal.apigw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The operations of the gateway's spec in the order the gateway tries them: by
 * {@link PathTemplate#PRECEDENCE}, then as the spec lists them. A request takes the first
 * operation whose path matches and that names its method, an explicit method before
 * {@code x-yc-apigateway-any-method} on the same path.
 */
public final class GatewayRoutes {

	private final List<GatewayOperation> operations;

	GatewayRoutes(List<GatewayOperation> operations) {
		List<GatewayOperation> sorted = new ArrayList<>(operations);
		sorted.sort(Comparator.comparing(GatewayOperation::path, PathTemplate.PRECEDENCE)
			.thenComparing((operation) -> operation.method() == null));
		this.operations = List.copyOf(sorted);
	}

	/**
	 * Finds the operation of a request.
	 * @param method the request's method
	 * @param rawPath the request's path as sent, without the context path
	 * @return the match, {@link Match#NO_PATH} when no path of the spec matches, or
	 * {@link Match#NO_METHOD} when paths match but none names the method
	 */
	Match match(String method, String rawPath) {
		boolean pathMatched = false;
		for (GatewayOperation operation : this.operations) {
			Map<String, String> values = operation.path().match(rawPath);
			if (values == null) {
				continue;
			}
			pathMatched = true;
			if (operation.method() == null || operation.method().equals(method)) {
				return new Match(operation, values);
			}
		}
		return pathMatched ? Match.NO_METHOD : Match.NO_PATH;
	}

	/** @return the operations whose integration type the runtime does not emulate, described */
	public List<String> notEmulated() {
		return this.operations.stream()
			.filter((operation) -> operation.function() == null)
			.map((operation) -> operation.describe() + " (" + operation.integration().type() + ")")
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
	 */
	record Match(GatewayOperation operation, Map<String, String> pathParameters) {

		static final Match NO_PATH = new Match(null, Map.of());

		static final Match NO_METHOD = new Match(null, Map.of());

	}

}
