package io.functionruntime.internal.registry;

import java.util.Set;

import io.functionruntime.registry.FunctionDefinitionException;
import io.functionruntime.registry.FunctionSettings;

/**
 * Where the registry takes each function's settings from: configuration in an
 * application, anything in a test.
 */
public interface FunctionSettingsSource {

	/**
	 * Resolves the settings of one function, defaults included.
	 * @param entryPoint the function
	 * @return its settings
	 * @throws FunctionDefinitionException when its configuration is invalid
	 */
	FunctionSettings settingsFor(EntryPoint entryPoint);

	/** @return the entry points that have settings of their own */
	Set<String> configuredEntryPoints();

	/** @return the entry point or function id configured as the default, or {@code null} */
	String defaultFunction();

}
