package io.functionruntime.internal.event;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import io.functionruntime.HttpEvent;
import io.functionruntime.internal.registry.EventKind;
import io.functionruntime.internal.registry.HandlerAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds the event to what the handler takes. In HTTP mode a {@code String} or
 * {@code byte[]} parameter gets the whole event as JSON, as in the cloud's Java runtime;
 * in raw mode it gets the body itself, and every other type gets the body parsed as JSON.
 * A trigger's event binds the way an HTTP event does, from its JSON. What does not bind is
 * a bad request whose message says what is wrong and where, as {@link JsonProblem} puts it.
 * A raw body that a handler takes as text must be valid UTF-8: the JSON parser would read
 * some invalid forms (an overlong {@code C0 AF} is {@code /}) as characters. The mapper is
 * the runtime's own, binding a POJO through its fields as the cloud's Java runtime does; a
 * scalar type such as {@code Integer} binds a raw body, while an HTTP event, an object,
 * does not fit it.
 */
public class EventBinder {

	/** Characters decoded at a time while checking a body, so that it is never copied whole. */
	private static final int DECODE_CHUNK = 1024;

	private final JsonMapper jsonMapper;

	public EventBinder(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Binds an HTTP event.
	 * @param event the event, just built from its request: a {@code Map} handler takes over
	 * its mutable maps, so it must not be used again
	 * @param adapter the handler
	 * @return the argument
	 * @throws EventBindingException when the event does not fit the handler's type
	 */
	public Object bindHttp(HttpEvent event, HandlerAdapter adapter) {
		if (adapter.eventKind() == EventKind.HTTP_EVENT) {
			return event;
		}
		return isPlainMap(adapter.eventType()) ? EventMaps.toMap(event) : bindJson(event, adapter);
	}

	/** Whether a type takes the event as built by {@link EventMaps}: a map of String to anything. */
	private static boolean isPlainMap(JavaType type) {
		return type.isMapLikeType() && type.getRawClass().isAssignableFrom(LinkedHashMap.class)
				&& type.getKeyType().getRawClass() == String.class && type.getContentType().getRawClass() == Object.class;
	}

	/**
	 * Binds an event that is not an HTTP request, such as a trigger's, from the JSON it
	 * writes as: a {@code String} or {@code byte[]} parameter gets that JSON, every other
	 * type the value converted.
	 * @param event the event, any value Jackson can write
	 * @param adapter the handler
	 * @return the argument
	 * @throws EventBindingException when the event does not fit the handler's type
	 */
	public Object bindJson(Object event, HandlerAdapter adapter) {
		try {
			return switch (adapter.eventKind()) {
				case STRING -> this.jsonMapper.writeValueAsString(event);
				case BYTES -> this.jsonMapper.writeValueAsBytes(event);
				case MAP, TREE, OBJECT, HTTP_EVENT -> this.jsonMapper.convertValue(event, adapter.eventType());
			};
		}
		catch (JacksonException ex) {
			throw new EventBindingException(JsonProblem.of(ex).message("The event"));
		}
	}

	/**
	 * Binds the body of a raw-mode call.
	 * @param body the body
	 * @param adapter the handler
	 * @return the argument
	 * @throws EventBindingException when the body is not valid UTF-8 for a handler that takes
	 * text, or not valid JSON for the handler's type
	 */
	public Object bindRaw(byte[] body, HandlerAdapter adapter) {
		if (adapter.eventKind() == EventKind.BYTES) {
			return body;
		}
		requireUtf8(body);
		return (adapter.eventKind() == EventKind.STRING) ? new String(body, StandardCharsets.UTF_8)
				: readJson(body, adapter);
	}

	/**
	 * Checks that a body is valid UTF-8, with a strict decoder that refuses overlong forms,
	 * surrogates, truncated sequences and bytes that never occur in UTF-8.
	 */
	private static void requireUtf8(byte[] body) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(body);
		CharBuffer out = CharBuffer.allocate(DECODE_CHUNK);
		CoderResult result;
		do {
			out.clear();
			result = decoder.decode(in, out, true);
		}
		while (result.isOverflow());
		if (result.isError()) {
			throw new EventBindingException(
					"The request body is not valid UTF-8: invalid byte sequence at offset " + in.position());
		}
	}

	private Object readJson(byte[] body, HandlerAdapter adapter) {
		try {
			return this.jsonMapper.readValue(body, adapter.eventType());
		}
		catch (JacksonException ex) {
			throw new EventBindingException(JsonProblem.of(ex).message("The request body"));
		}
	}

}
