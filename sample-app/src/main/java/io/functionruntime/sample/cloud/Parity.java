package io.functionruntime.sample.cloud;

import yandex.cloud.sdk.functions.Context;
import yandex.cloud.sdk.functions.YcFunction;

/**
 * The cloud's even/odd example as a {@code YcFunction<Integer, Boolean>}, called in raw mode
 * with a number as the body.
 */
public class Parity implements YcFunction<Integer, Boolean> {

	@Override
	public Boolean handle(Integer event, Context context) {
		return event % 2 == 0;
	}

}
