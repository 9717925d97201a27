package io.functionruntime.registry;

import io.functionruntime.internal.registry.HandlerAdapter;

/**
 * A function the runtime serves: its entry point, the bean that implements it, the
 * resolved handler and its settings. "Entry point" names the function in the runtime (its
 * key, its route, its properties); {@link FunctionSettings#name()} is only its display name
 * in logs, and {@link FunctionSettings#id()} its cloud id.
 *
 * @param entryPoint the entry point, also the route {@code /<entry point>}
 * @param beanName the handler bean
 * @param singleton whether the bean is a singleton, so every instance shares one object
 * @param adapter the resolved handler
 * @param settings identity and instance settings
 */
public record FunctionDefinition(String entryPoint, String beanName, boolean singleton, HandlerAdapter adapter,
		FunctionSettings settings) {

}
