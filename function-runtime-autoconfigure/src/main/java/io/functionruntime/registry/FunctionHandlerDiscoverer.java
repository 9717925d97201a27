package io.functionruntime.registry;

import java.util.List;

/**
 * Finds the handlers of an application. Supply your own bean to change how they are found.
 */
@FunctionalInterface
public interface FunctionHandlerDiscoverer {

	/**
	 * Finds every handler.
	 * @return the candidates, in a stable order
	 */
	List<HandlerCandidate> findHandlers();

}
