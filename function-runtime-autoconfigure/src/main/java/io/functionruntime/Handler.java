package io.functionruntime;

/**
 * A handler as a type, for beans annotated with {@link FunctionHandler} at class level.
 * <p>
 * {@code E} is any supported event type ({@code Map}, {@code JsonNode}, {@code String},
 * {@code byte[]}, {@link HttpEvent} or a POJO/record); {@code R} is the result, or a
 * {@code CompletionStage} of it for an asynchronous handler.
 *
 * @param <E> the event type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Handler<E, R> {

	/**
	 * Handles one invocation.
	 * @param event the event, bound to {@code E}
	 * @param context the invocation context
	 * @return the result
	 * @throws Exception any failure, answered with the cloud's error response
	 */
	R handle(E event, Context context) throws Exception;

}
