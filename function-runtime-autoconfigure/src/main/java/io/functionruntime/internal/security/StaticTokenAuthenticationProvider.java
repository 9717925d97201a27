package io.functionruntime.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates a bearer token that is one of {@code function-runtime.security.static-tokens}
 * as its principal. Tokens are compared as SHA-256 digests in constant time, against every
 * configured token, so that neither the time taken nor an early exit tells how much of a
 * guess was right.
 */
public final class StaticTokenAuthenticationProvider implements AuthenticationProvider {

	private final Map<String, byte[]> digests = new LinkedHashMap<>();

	/**
	 * Creates the provider.
	 * @param tokens the token of each principal name
	 */
	public StaticTokenAuthenticationProvider(Map<String, String> tokens) {
		tokens.forEach((principal, token) -> this.digests.put(principal, digest(token)));
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((BearerTokenAuthenticationToken) authentication).getToken();
		byte[] presented = digest(token);
		String principal = null;
		for (Map.Entry<String, byte[]> entry : this.digests.entrySet()) {
			if (MessageDigest.isEqual(entry.getValue(), presented)) {
				principal = entry.getKey();
			}
		}
		if (principal == null) {
			throw new InvalidBearerTokenException("The token is none of the static tokens");
		}
		return new BearerTokenAuthentication(
				new DefaultOAuth2AuthenticatedPrincipal(principal, Map.of("sub", principal),
						AuthorityUtils.NO_AUTHORITIES),
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, null, null),
				AuthorityUtils.NO_AUTHORITIES);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
