package io.functionruntime.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the callers of private functions are authenticated, besides the application's own
 * JwtDecoder or OpaqueTokenIntrospector.
 */
@ConfigurationProperties("function-runtime.security")
class FunctionSecurityProperties {

	/**
	 * Bearer tokens accepted for private functions, keyed by the principal name each one
	 * authenticates, for local development and tests. Take them from the environment
	 * rather than writing them in a file.
	 */
	private Map<String, String> staticTokens = new LinkedHashMap<>();

	public Map<String, String> getStaticTokens() {
		return this.staticTokens;
	}

	public void setStaticTokens(Map<String, String> staticTokens) {
		this.staticTokens = staticTokens;
	}

}
