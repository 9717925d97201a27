package io.functionruntime.security;

import java.io.IOException;

import io.functionruntime.registry.FunctionAccess;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.web.FunctionAccessCheck;
import io.functionruntime.web.RequestRejectedException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Lets a call reach a private function only with a bearer token that the authentication
 * manager accepts, of one of the function's invokers. A call without a valid token is
 * answered 401 with the {@code WWW-Authenticate} challenge of Spring Security's resource
 * server; a caller that is no invoker, 403. Public functions are not checked.
 */
final class BearerTokenAccessCheck implements FunctionAccessCheck {

	private final BearerTokenResolver tokenResolver = new DefaultBearerTokenResolver();

	private final AuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

	private final AuthenticationManager authenticationManager;

	BearerTokenAccessCheck(AuthenticationManager authenticationManager) {
		this.authenticationManager = authenticationManager;
	}

	@Override
	public void check(HttpServletRequest request, HttpServletResponse response, FunctionDefinition function)
			throws IOException {
		FunctionAccess access = function.settings().access();
		if (access.isPublic()) {
			return;
		}
		String principal = authenticate(request, response).getName();
		if (!access.allows(principal)) {
			throw RequestRejectedException
				.forbidden("'" + principal + "' is not an invoker of function '" + function.name() + "'");
		}
	}

	/**
	 * Authenticates the caller. A failure of the token's issuer, such as an unreachable key
	 * set, is no fault of the caller: it propagates, and the call is answered 500.
	 */
	private Authentication authenticate(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String token;
		try {
			token = this.tokenResolver.resolve(request);
		}
		catch (OAuth2AuthenticationException ex) {
			throw unauthorized(request, response, ex, "The Authorization header is malformed");
		}
		if (token == null) {
			String message = "The function is private: call it with an 'Authorization: Bearer <IAM token>' header";
			throw unauthorized(request, response, new AuthenticationCredentialsNotFoundException(message), message);
		}
		try {
			return this.authenticationManager.authenticate(new BearerTokenAuthenticationToken(token));
		}
		catch (AuthenticationServiceException ex) {
			throw ex;
		}
		catch (AuthenticationException ex) {
			throw unauthorized(request, response, ex, "The bearer token is not valid");
		}
	}

	private RequestRejectedException unauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure, String message) throws IOException {
		try {
			this.challenge.commence(request, response, failure);
		}
		catch (ServletException ex) {
			throw new IllegalStateException(ex);
		}
		return RequestRejectedException.unauthorized(message);
	}

}
