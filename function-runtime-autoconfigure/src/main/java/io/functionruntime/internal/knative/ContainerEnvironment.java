package io.functionruntime.internal.knative;

import java.util.List;
import java.util.Map;

/**
 * The environment every Service's container gets besides the runtime's own: plain
 * variables, variables read from one key of a Kubernetes Secret, and Secrets whose every
 * key becomes a variable.
 *
 * @param values variables by name
 * @param secretKeys variables by name, each read from a key of a Secret
 * @param secrets names of Secrets whose keys all become variables
 */
public record ContainerEnvironment(Map<String, String> values, Map<String, SecretKey> secretKeys,
		List<String> secrets) {

	/**
	 * One key of a Kubernetes Secret.
	 *
	 * @param secret the Secret's name
	 * @param key the key
	 */
	public record SecretKey(String secret, String key) {
	}

}
