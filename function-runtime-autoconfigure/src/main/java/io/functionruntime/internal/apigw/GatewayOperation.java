package io.functionruntime.internal.apigw;

import java.util.List;

import io.functionruntime.registry.FunctionDefinition;

/**
 * One operation of the gateway's spec: a method (or any method) on a path, and the
 * integration that serves it.
 *
 * @param method the method, upper case, or {@code null} for
 * {@code x-yc-apigateway-any-method}
 * @param path the spec's path
 * @param operationId the spec's {@code operationId}, or {@code null}
 * @param parameters the parameters the spec declares for it, the path's own included
 * @param integration what serves it
 * @param function the function of a {@code cloud_functions} integration, {@code null} for
 * other types
 * @param cors the CORS rule in effect on its path, or {@code null}
 * @param security the requirements of its {@code security} that name function authorizers:
 * any one of them lets a request through when all its schemes do; empty when it has none
 */
record GatewayOperation(String method, PathTemplate path, String operationId, List<Parameter> parameters,
		Integration integration, FunctionDefinition function, CorsRule cors, List<List<SecurityScheme>> security) {

	/** @return how the operation is named in messages: {@code GET /users/{id}} */
	String describe() {
		return ((this.method != null) ? this.method : "x-yc-apigateway-any-method") + " " + this.path;
	}

	/**
	 * A parameter the spec declares.
	 *
	 * @param name its name, without a greedy {@code +}
	 * @param in where it is: {@code path}, {@code query}, {@code header} or {@code cookie}
	 */
	record Parameter(String name, String in) {
	}

	/**
	 * An {@code x-yc-apigateway-integration}.
	 *
	 * @param type its type, such as {@code cloud_functions}
	 * @param functionId the {@code function_id} of a {@code cloud_functions} integration
	 * @param payloadFormatVersion {@code 0.1} or {@code 1.0}
	 * @param context the operation context, with {@code {param}} placeholders, or
	 * {@code null}
	 */
	record Integration(String type, String functionId, String payloadFormatVersion, Object context) {

		static final String CLOUD_FUNCTIONS = "cloud_functions";

	}

}
