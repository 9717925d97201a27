package io.functionruntime.internal.registry;

import java.lang.invoke.MethodHandle;

import io.functionruntime.Context;
import tools.jackson.databind.JavaType;

/**
 * One handler, resolved once at startup: a method handle of the shape
 * {@code (target, event, context) -> result} and what the event must be bound to, so that
 * a call does no reflective lookup.
 */
public final class HandlerAdapter {

	private final MethodHandle handle;

	private final EventKind eventKind;

	private final JavaType eventType;

	private final boolean async;

	private final String description;

	HandlerAdapter(MethodHandle handle, EventKind eventKind, JavaType eventType, boolean async, String description) {
		this.handle = handle;
		this.eventKind = eventKind;
		this.eventType = eventType;
		this.async = async;
		this.description = description;
	}

	/**
	 * Calls the handler.
	 * @param target the handler object of the instance
	 * @param event the event, already bound to {@link #eventType()}
	 * @param context the invocation context
	 * @return the result: a value, or a {@code CompletionStage} for an async handler
	 * @throws Throwable whatever the handler throws
	 */
	public Object invoke(Object target, Object event, Context context) throws Throwable {
		return (Object) this.handle.invokeExact(target, event, context);
	}

	/** @return what the event is bound to */
	public EventKind eventKind() {
		return this.eventKind;
	}

	/** @return the Java type of the event parameter */
	public JavaType eventType() {
		return this.eventType;
	}

	/** @return whether the handler returns a {@code CompletionStage} */
	public boolean isAsync() {
		return this.async;
	}

	/** @return the handler's signature, for logs and messages */
	public String description() {
		return this.description;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
