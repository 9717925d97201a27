package io.functionruntime.cloud;

import yandex.cloud.sdk.functions.Context;
import yandex.cloud.sdk.functions.YcFunction;

/**
 * The cloud's even/odd example as a {@code YcFunction}, with a small object for its number,
 * as boxed scalar events are not served in this branch; it also answers from the SDK's
 * context.
 */
public class EvenOddHandler implements YcFunction<EvenOddHandler.Number, EvenOddHandler.Parity> {

	@Override
	public Parity handle(Number event, Context context) {
		return new Parity(event.value % 2 == 0, context.getRequestId(), context.getFunctionName(),
				context.getMemoryLimit());
	}

	/** The number to tell. */
	public static class Number {

		public int value;

	}

	/**
	 * Whether the number is even, and what the context said.
	 *
	 * @param even whether it is even
	 * @param requestId the context's request id
	 * @param functionName the context's function name
	 * @param memoryLimit the context's memory limit
	 */
	public record Parity(boolean even, String requestId, String functionName, int memoryLimit) {
	}

}
