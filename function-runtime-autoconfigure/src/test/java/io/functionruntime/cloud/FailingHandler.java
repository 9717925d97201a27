package io.functionruntime.cloud;

import java.util.function.Function;

/**
 * The cloud's error example: a {@code Function<byte[], Integer>} that throws.
 */
public class FailingHandler implements Function<byte[], Integer> {

	@Override
	public Integer apply(byte[] body) {
		throw new UnsupportedOperationException("nothing to do with " + body.length + " bytes");
	}

}
