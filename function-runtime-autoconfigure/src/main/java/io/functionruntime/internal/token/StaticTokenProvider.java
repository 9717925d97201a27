package io.functionruntime.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.functionruntime.IamToken;
import io.functionruntime.token.TokenProvider;

/**
 * A token from configuration, with an expiry fixed at startup so that {@code expires_in}
 * counts down as a real token's would. After the expiry the context carries no token.
 */
public class StaticTokenProvider implements TokenProvider {

	private final String accessToken;

	private final Instant expiresAt;

	private final Clock clock;

	public StaticTokenProvider(String accessToken, Duration lifetime, Clock clock) {
		this.accessToken = accessToken;
		this.clock = clock;
		this.expiresAt = clock.instant().plus(lifetime);
	}

	@Override
	public IamToken currentToken() {
		return IamToken.expiringAt(this.accessToken, this.expiresAt, this.clock.instant());
	}

}
