package io.functionruntime.internal.security;

import java.util.ArrayList;
import java.util.List;

import io.functionruntime.internal.web.FunctionAccessCheck;
import io.functionruntime.internal.web.RequestRejectedException;
import io.functionruntime.registry.FunctionAccess;
import io.functionruntime.registry.FunctionDefinition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Lets a call reach a private function only with a bearer token that the authentication
 * manager accepts, of one of the function's invokers. A call without a valid token is
 * answered 401 with a {@code WWW-Authenticate: Bearer} challenge (RFC 6750) carrying the
 * token's error, as Spring Security's resource server answers; a caller that is no
 * invoker, 403. Public functions are not checked.
 */
public final class BearerTokenAccessCheck implements FunctionAccessCheck {

	private final BearerTokenResolver tokenResolver = new DefaultBearerTokenResolver();

	private final AuthenticationManager authenticationManager;

	public BearerTokenAccessCheck(AuthenticationManager authenticationManager) {
		this.authenticationManager = authenticationManager;
	}

	@Override
	public void check(HttpServletRequest request, HttpServletResponse response, FunctionDefinition function) {
		FunctionAccess access = function.settings().access();
		if (access.isPublic()) {
			return;
		}
		String principal = authenticate(request, response).getName();
		if (!access.allows(principal)) {
			throw RequestRejectedException
				.forbidden("'" + principal + "' is not an invoker of function '" + function.entryPoint() + "'");
		}
	}

	/**
	 * Authenticates the caller. A failure of the token's issuer, such as an unreachable key
	 * set, is no fault of the caller: it propagates, and the call is answered 500.
	 */
	private Authentication authenticate(HttpServletRequest request, HttpServletResponse response) {
		String token;
		try {
			token = this.tokenResolver.resolve(request);
		}
		catch (OAuth2AuthenticationException ex) {
			throw unauthorized(response, challenge(ex), "The Authorization header is malformed");
		}
		if (token == null) {
			throw unauthorized(response, "Bearer",
					"The function is private: call it with an 'Authorization: Bearer <IAM token>' header");
		}
		try {
			return this.authenticationManager.authenticate(new BearerTokenAuthenticationToken(token));
		}
		catch (AuthenticationServiceException ex) {
			throw ex;
		}
		catch (AuthenticationException ex) {
			throw unauthorized(response, challenge(ex), "The bearer token is not valid");
		}
	}

	private static RequestRejectedException unauthorized(HttpServletResponse response, String challenge,
			String message) {
		response.setHeader("WWW-Authenticate", challenge);
		return RequestRejectedException.unauthorized(message);
	}

	/**
	 * Writes the challenge to a refused token with the error's code, description and URI,
	 * as Spring Security's entry point does, but naming no protected-resource metadata,
	 * which the runtime does not serve.
	 */
	private static String challenge(AuthenticationException failure) {
		if (!(failure instanceof OAuth2AuthenticationException oauth2)) {
			return "Bearer error=\"invalid_token\"";
		}
		OAuth2Error error = oauth2.getError();
		List<String> parameters = new ArrayList<>();
		parameters.add("error=\"" + error.getErrorCode() + "\"");
		if (error.getDescription() != null) {
			parameters.add("error_description=\"" + error.getDescription() + "\"");
		}
		if (error.getUri() != null) {
			parameters.add("error_uri=\"" + error.getUri() + "\"");
		}
		return "Bearer " + String.join(", ", parameters);
	}

}
