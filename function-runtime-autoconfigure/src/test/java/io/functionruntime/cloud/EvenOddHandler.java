package io.functionruntime.cloud;

import yandex.cloud.sdk.functions.Context;
import yandex.cloud.sdk.functions.YcFunction;

/**
 * The cloud's even/odd example: a {@code YcFunction<Integer, Boolean>}.
 */
public class EvenOddHandler implements YcFunction<Integer, Boolean> {

	@Override
	public Boolean handle(Integer event, Context context) {
		return event % 2 == 0;
	}

}
