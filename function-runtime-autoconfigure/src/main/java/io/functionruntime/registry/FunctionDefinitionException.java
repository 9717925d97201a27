package io.functionruntime.registry;

/**
 * The application's handlers or their configuration cannot be served: a bad or duplicate
 * entry point, an unsupported shape, settings for a function that does not exist.
 * The message says what is wrong and where; {@link #getAction()} says how to fix it.
 */
public class FunctionDefinitionException extends RuntimeException {

	private final String action;

	public FunctionDefinitionException(String message, String action) {
		super(message);
		this.action = action;
	}

	/** @return how to fix it */
	public String getAction() {
		return this.action;
	}

}
