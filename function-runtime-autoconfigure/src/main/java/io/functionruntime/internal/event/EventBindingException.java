package io.functionruntime.internal.event;

/**
 * An event that does not fit what the handler takes, with a message that says what is
 * wrong and where in the user's terms: a bad request when the event came from a client.
 */
public class EventBindingException extends RuntimeException {

	EventBindingException(String message) {
		super(message);
	}

}
