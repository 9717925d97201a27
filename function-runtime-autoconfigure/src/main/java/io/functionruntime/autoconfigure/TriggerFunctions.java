package io.functionruntime.autoconfigure;

import io.functionruntime.internal.registry.EventKind;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;

/**
 * Finds the function a trigger calls, so that a trigger of any kind naming no function,
 * or one whose handler cannot take its event, stops startup with the property and the fix.
 */
final class TriggerFunctions {

	private TriggerFunctions() {
	}

	/**
	 * Finds a trigger's function.
	 * @param trigger the trigger as the messages name it, such as {@code Timer trigger 'nightly'}
	 * @param functionName the configured entry point or id, or {@code null}
	 * @param prefix the trigger's property prefix, ending with a dot
	 * @param registry the functions
	 * @param event what the trigger's event is, such as {@code a timer's event}
	 * @param shapes the handler parameter types that take it
	 * @return the function
	 * @throws FunctionDefinitionException when there is no such function or its handler
	 * takes an {@code HttpEvent}
	 */
	static FunctionDefinition find(String trigger, String functionName, String prefix, FunctionRegistry registry,
			String event, String shapes) {
		FunctionDefinition function = (functionName != null && !functionName.isBlank()) ? registry.find(functionName)
				: null;
		if (function == null) {
			throw new FunctionDefinitionException(trigger + " calls function '" + functionName
					+ "', which does not exist; the handlers are " + registry.functions().keySet() + ".",
					"Set " + prefix + "function to the entry point or id of one of " + registry.functions().keySet()
							+ ".");
		}
		if (function.adapter().eventKind() == EventKind.HTTP_EVENT) {
			throw new FunctionDefinitionException(trigger + " calls '" + function.entryPoint()
					+ "', whose handler takes an HttpEvent, which " + event + " cannot be bound to.",
					"Make the handler take " + shapes + ", or set " + prefix + "function to another function.");
		}
		return function;
	}

}
