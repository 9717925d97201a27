package io.functionruntime.registry;

/**
 * A function the runtime serves: its entry point, the bean that implements it, the
 * resolved handler and its settings.
 *
 * @param entryPoint the entry point, also the route {@code /<entry point>}
 * @param beanName the handler bean
 * @param singleton whether the bean is a singleton, so every instance shares one object
 * @param adapter the resolved handler
 * @param settings identity and instance settings
 */
public record FunctionDefinition(EntryPoint entryPoint, String beanName, boolean singleton, HandlerAdapter adapter,
		FunctionSettings settings) {

	/** @return the entry point as text */
	public String name() {
		return this.entryPoint.toString();
	}

}
