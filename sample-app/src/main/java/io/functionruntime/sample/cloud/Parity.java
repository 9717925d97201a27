package io.functionruntime.sample.cloud;

import yandex.cloud.sdk.functions.Context;
import yandex.cloud.sdk.functions.YcFunction;

/**
 * The cloud's even/odd example as a {@code YcFunction}, called in raw mode with
 * {@code {"value": 42}}; its number is an object here, as a bare integer event is not
 * served yet.
 */
public class Parity implements YcFunction<Parity.Number, Parity.Result> {

	@Override
	public Result handle(Number event, Context context) {
		return new Result(event.value % 2 == 0, context.getRequestId());
	}

	/** The number to tell. */
	public static class Number {

		public int value;

	}

	/**
	 * The answer.
	 *
	 * @param even whether the number is even
	 * @param requestId the call's request id, from the SDK's context
	 */
	public record Result(boolean even, String requestId) {
	}

}
