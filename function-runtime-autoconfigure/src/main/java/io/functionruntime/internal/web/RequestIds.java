package io.functionruntime.internal.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request and trace ids: random (version 4) UUIDs like the cloud's. They identify a call,
 * they guard nothing, so a fast non-cryptographic source is enough.
 */
public final class RequestIds {

	private RequestIds() {
	}

	/** @return a new random id */
	public static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return new UUID(most, least).toString();
	}

}
