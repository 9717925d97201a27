package yandex.cloud.sdk.functions;

/**
 * Stands in for the cloud's SDK ({@code com.yandex.cloud:java-sdk-functions}), which the
 * registry here does not serve; in a real project, depend on the SDK and delete this file.
 *
 * @param <TIn> the event
 * @param <TOut> the result
 */
public interface YcFunction<TIn, TOut> {

	TOut handle(TIn event, Context context);

}
