package io.functionruntime;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The IAM token of the function's service account, as the context carries it.
 *
 * @param accessToken the token itself
 * @param expiresIn seconds until it expires, counted from when the context was made
 * @param tokenType always {@code Bearer}
 */
public record IamToken(@JsonProperty("access_token") String accessToken,
		@JsonProperty("expires_in") long expiresIn, @JsonProperty("token_type") String tokenType) {

	/**
	 * Creates a bearer token.
	 * @param accessToken the token
	 * @param expiresIn seconds until it expires
	 * @return the token
	 */
	public static IamToken bearer(String accessToken, long expiresIn) {
		return new IamToken(accessToken, expiresIn, "Bearer");
	}

	/**
	 * Creates a bearer token as seen at a given moment: {@code expires_in} is the time left,
	 * in whole seconds rounded up, so that a token is reported until its very end.
	 * @param accessToken the token
	 * @param expiresAt when it expires
	 * @param now the moment
	 * @return the token, or {@code null} when it has expired
	 */
	public static IamToken expiringAt(String accessToken, Instant expiresAt, Instant now) {
		long millis = Duration.between(now, expiresAt).toMillis();
		return (millis > 0) ? bearer(accessToken, (millis + 999) / 1000) : null;
	}

	/**
	 * Returns the token as the JSON object the metadata service answers, which is what
	 * the cloud's Java {@code Context.getTokenJson()} gives.
	 * @return the JSON text
	 */
	public String toJson() {
		return "{\"access_token\":" + quote(this.accessToken) + ",\"expires_in\":" + this.expiresIn
				+ ",\"token_type\":" + quote(this.tokenType) + "}";
	}

	private static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

}
