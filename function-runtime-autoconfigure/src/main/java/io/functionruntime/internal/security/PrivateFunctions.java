package io.functionruntime.internal.security;

import java.util.Optional;

import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.web.FunctionAccessCheck;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;

/**
 * The functions only authenticated callers may call, and what serving them needs. It uses
 * no Spring Security class, so that an application without Spring Security can tell it is
 * missing.
 */
public final class PrivateFunctions {

	private PrivateFunctions() {
	}

	/**
	 * The access check of an application without Spring Security's resource server. It
	 * permits every call, so it stops startup when a function is private.
	 * @param registry the functions
	 * @return {@link FunctionAccessCheck#NONE}
	 * @throws FunctionDefinitionException when a function is private
	 */
	public static FunctionAccessCheck withoutSpringSecurity(FunctionRegistry registry) {
		first(registry).ifPresent((function) -> {
			throw new FunctionDefinitionException(isPrivate(function)
					+ ", but Spring Security's resource server is not on the classpath, so no call to it could be "
					+ "authenticated.",
					"Add org.springframework.security:spring-security-oauth2-resource-server and "
							+ "org.springframework.security:spring-security-oauth2-jose (or "
							+ "org.springframework.boot:spring-boot-starter-oauth2-resource-server) to the "
							+ "application's dependencies, or remove " + publicProperty(function) + "=false.");
		});
		return FunctionAccessCheck.NONE;
	}

	/**
	 * Finds the first private function.
	 * @param registry the functions
	 * @return the first private function, if any
	 */
	public static Optional<FunctionDefinition> first(FunctionRegistry registry) {
		return registry.functions()
			.values()
			.stream()
			.filter((function) -> !function.settings().access().isPublic())
			.findFirst();
	}

	public static String isPrivate(FunctionDefinition function) {
		return "Function '" + function.entryPoint() + "' is private (" + publicProperty(function) + "=false)";
	}

	public static String publicProperty(FunctionDefinition function) {
		return "function-runtime.functions[" + function.entryPoint() + "].public";
	}

}
