package io.functionruntime.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.functionruntime.autoconfigure.FunctionRuntimeProperties.Function;
import io.functionruntime.internal.async.AsyncSettings;
import io.functionruntime.registry.FunctionDefinitionException;

/**
 * Resolves each function's asynchronous settings ({@code async-retries},
 * {@code async-retry-delay}, {@code async-success-queue-url},
 * {@code async-failure-queue-url}), so that a value the cloud would refuse stops startup
 * with the property and the fix.
 */
final class PropertiesAsyncSettings {

	private static final int MAX_RETRIES = 100;

	private PropertiesAsyncSettings() {
	}

	/**
	 * @param functions each function's own settings, keyed by entry point
	 * @return the asynchronous settings of each function that has any
	 */
	static Map<String, AsyncSettings> resolve(Map<String, Function> functions) {
		Map<String, AsyncSettings> settings = new LinkedHashMap<>();
		functions.forEach((entryPoint, function) -> settings.put(entryPoint, resolve(entryPoint, function)));
		return settings;
	}

	private static AsyncSettings resolve(String entryPoint, Function function) {
		String prefix = "function-runtime.functions[" + entryPoint + "].";
		check(function.getAsyncRetries() >= 0 && function.getAsyncRetries() <= MAX_RETRIES, entryPoint,
				prefix + "async-retries", "must be from 0 to 100, but is " + function.getAsyncRetries());
		Duration delay = function.getAsyncRetryDelay();
		check(delay != null && !delay.isNegative(), entryPoint, prefix + "async-retry-delay",
				"must be 0 or more, but is " + ((delay != null) ? DurationText.of(delay) : "empty"));
		return new AsyncSettings(function.getAsyncRetries(), delay,
				queueUrl(entryPoint, prefix + "async-success-queue-url", function.getAsyncSuccessQueueUrl()),
				queueUrl(entryPoint, prefix + "async-failure-queue-url", function.getAsyncFailureQueueUrl()));
	}

	private static String queueUrl(String entryPoint, String property, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			uri = null;
		}
		check(uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
				&& uri.getRawAuthority() != null, entryPoint, property,
				"must be the queue's http(s) URL, such as "
						+ "https://message-queue.api.cloud.yandex.net/b1gXXXX/dj6XXXX/results, but is '" + value + "'");
		return value;
	}

	private static void check(boolean valid, String function, String property, String problem) {
		if (!valid) {
			throw new FunctionDefinitionException(
					"Function '" + function + "' cannot be configured: " + property + " " + problem + ".",
					"Correct " + property + " in the application's configuration.");
		}
	}

}
