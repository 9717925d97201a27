package io.functionruntime.internal.registry;

/**
 * What a handler takes as its event, decided once at startup from its parameter type.
 */
public enum EventKind {

	/** {@code Map<String, Object>}, the Python {@code dict}. */
	MAP,

	/** Jackson's {@code JsonNode}. */
	TREE,

	/** The event as JSON text (HTTP mode) or the body as text (raw mode). */
	STRING,

	/** The event as JSON bytes (HTTP mode) or the body itself (raw mode). */
	BYTES,

	/** The typed {@link io.functionruntime.HttpEvent}. */
	HTTP_EVENT,

	/** Any other type, bound from the JSON by Jackson. */
	OBJECT

}
