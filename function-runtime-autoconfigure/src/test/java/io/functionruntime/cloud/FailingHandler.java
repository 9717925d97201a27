package io.functionruntime.cloud;

import java.util.function.Function;

/**
 * The cloud's error example: a {@code Function} over the body's bytes that throws.
 */
public class FailingHandler implements Function<byte[], String> {

	@Override
	public String apply(byte[] body) {
		throw new UnsupportedOperationException("nothing to do with " + body.length + " bytes");
	}

}
