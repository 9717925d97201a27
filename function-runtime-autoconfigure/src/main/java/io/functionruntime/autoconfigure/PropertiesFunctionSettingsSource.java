package io.functionruntime.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.functionruntime.autoconfigure.FunctionRuntimeProperties.Function;
import io.functionruntime.autoconfigure.FunctionRuntimeProperties.InstanceLimits;
import io.functionruntime.internal.registry.EntryPoint;
import io.functionruntime.internal.registry.FunctionSettingsSource;
import io.functionruntime.registry.FunctionAccess;
import io.functionruntime.registry.FunctionDefinitionException;
import io.functionruntime.registry.FunctionSettings;

/**
 * Resolves each function's settings from {@link FunctionRuntimeProperties}: its own
 * values, else the defaults; ids the cloud would assign are generated from the entry point
 * so they stay the same from run to run.
 */
class PropertiesFunctionSettingsSource implements FunctionSettingsSource {

	private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

	private static final int MAX_CONCURRENCY = 16;

	private static final String ID_ALPHABET = "abcdefghijklmnopqrstuv0123456789";

	/** The timeout of every function while timeouts are lifted for debugging: a day. */
	static final Duration LIFTED_TIMEOUT = Duration.ofDays(1);

	/** Variables the cloud's runtime sets, which a function version cannot set. */
	private static final Set<String> RESERVED_VARIABLES = Set.of("_HANDLER", "AWS_LAMBDA_RUNTIME_API",
			"LAMBDA_RUNTIME_DIR", "LAMBDA_TASK_ROOT", "PATH", "LD_LIBRARY_PATH");

	/** The cloud's limit of a version's environment, names and values together. */
	private static final int MAX_ENVIRONMENT_BYTES = 4096;

	private final FunctionRuntimeProperties properties;

	private final Map<String, Function> functions;

	/**
	 * Creates a source of the given properties.
	 * @param properties the properties
	 * @param functions each function's own settings, keyed by entry point: the properties'
	 * {@code functions}, with those set through environment variables bound in
	 */
	PropertiesFunctionSettingsSource(FunctionRuntimeProperties properties, Map<String, Function> functions) {
		this.properties = properties;
		this.functions = functions;
	}

	/** The function's own value where it has one, else the default's. */
	private static <T> T either(T own, T fallback) {
		return (own != null) ? own : fallback;
	}

	@Override
	public FunctionSettings settingsFor(EntryPoint entryPoint) {
		String name = entryPoint.toString();
		Function own = this.functions.getOrDefault(name, new Function());
		InstanceLimits defaults = this.properties.getDefaults();
		String prefix = (own == this.functions.get(name)) ? "function-runtime.functions[" + name + "]."
				: "function-runtime.defaults.";
		Duration timeout = either(own.getTimeout(), defaults.getTimeout());
		int concurrency = either(own.getConcurrency(), defaults.getConcurrency());
		int instancesLimit = either(own.getInstancesLimit(), defaults.getInstancesLimit());
		int provisioned = either(own.getProvisionedInstances(), defaults.getProvisionedInstances());
		Integer requestsLimit = either(own.getRequestsLimit(), defaults.getRequestsLimit());
		long memory = either(own.getMemoryLimit(), defaults.getMemoryLimit()).toMegabytes();
		check(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(MAX_TIMEOUT) <= 0, name, prefix + "timeout",
				"must be more than 0 and at most 10 minutes, but is " + DurationText.of(timeout));
		check(concurrency >= 1 && concurrency <= MAX_CONCURRENCY, name, prefix + "concurrency",
				"must be from 1 to 16, but is " + concurrency);
		check(instancesLimit >= 1, name, prefix + "instances-limit", "must be at least 1, but is " + instancesLimit);
		check(provisioned >= 0 && provisioned <= instancesLimit, name, prefix + "provisioned-instances",
				"must be from 0 to instances-limit (" + instancesLimit + "), but is " + provisioned);
		check(requestsLimit == null || requestsLimit >= 1, name, prefix + "requests-limit",
				"must be at least 1, but is " + requestsLimit);
		check(memory >= 1, name, prefix + "memory-limit", "must be at least 1MB");
		check(!own.isPublic() || own.getInvokers().isEmpty(), name, prefix + "invokers",
				"is set, but the function is public, so anyone may call it and the invokers are ignored; set "
						+ prefix + "public=false to allow only them");
		return new FunctionSettings(orGenerated(own.getId(), "d4e", name), either(own.getName(), name),
				orGenerated(own.getVersionId(), "d4e", name + "#version"),
				orGenerated(own.getLogGroupId(), "ckg", name + "#log-group"), (int) memory,
				this.properties.isLiftTimeouts() ? LIFTED_TIMEOUT : timeout, concurrency,
				instancesLimit, provisioned,
				(requestsLimit != null) ? requestsLimit : 10 * instancesLimit * concurrency,
				own.isPublic() ? FunctionAccess.PUBLIC : new FunctionAccess(false, Set.copyOf(own.getInvokers())),
				orGenerated(own.getFolderId(), "b1g", "folder"), own.isServiceAccount(),
				environment(name, own, defaults));
	}

	/**
	 * The function's variables over the defaults', and {@code _HANDLER}, which the cloud sets
	 * to the entry point.
	 */
	private static Map<String, String> environment(String name, Function own, InstanceLimits defaults) {
		Map<String, String> environment = new LinkedHashMap<>(defaults.getEnvironment());
		environment.putAll(own.getEnvironment());
		int bytes = 0;
		for (Map.Entry<String, String> variable : environment.entrySet()) {
			String property = (own.getEnvironment().containsKey(variable.getKey())
					? "function-runtime.functions[" + name + "]" : "function-runtime.defaults") + ".environment."
					+ variable.getKey();
			check(!RESERVED_VARIABLES.contains(variable.getKey()), name, property,
					"is a variable that the cloud's runtime sets itself, as it does "
							+ RESERVED_VARIABLES.stream().sorted().toList());
			bytes += utf8Length(variable.getKey()) + utf8Length(variable.getValue());
		}
		check(bytes <= MAX_ENVIRONMENT_BYTES, name, "function-runtime.functions[" + name + "].environment",
				"with the defaults' variables takes " + bytes + " bytes, names included, more than the cloud's 4 KB");
		environment.put("_HANDLER", name);
		return Collections.unmodifiableMap(environment);
	}

	private static int utf8Length(String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8).length : 0;
	}

	private static void check(boolean valid, String function, String property, String problem) {
		if (!valid) {
			throw new FunctionDefinitionException(
					"Function '" + function + "' cannot be configured: " + property + " " + problem + ".",
					"Correct " + property + " in the application's configuration.");
		}
	}


	static String orGenerated(String value, String prefix, String seed) {
		return (value != null && !value.isBlank()) ? value : generatedId(prefix, seed);
	}

	static String generatedId(String prefix, String seed) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
			StringBuilder id = new StringBuilder(20).append(prefix);
			for (int i = 0; id.length() < 20; i++) {
				id.append(ID_ALPHABET.charAt((hash[i] & 0xFF) % ID_ALPHABET.length()));
			}
			return id.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	@Override
	public Set<String> configuredEntryPoints() {
		return this.functions.keySet();
	}

	@Override
	public String defaultFunction() {
		return this.properties.getDefaultFunction();
	}

}
