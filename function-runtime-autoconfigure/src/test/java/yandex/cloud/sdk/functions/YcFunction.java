package yandex.cloud.sdk.functions;

/**
 * The cloud SDK's function interface, from its documented signature, for the tests: the
 * SDK itself is not available here.
 *
 * @param <TIn> the event
 * @param <TOut> the result
 */
public interface YcFunction<TIn, TOut> {

	TOut handle(TIn event, Context context);

}
