package io.functionruntime.test;

/**
 * How a {@link FunctionTestClient} reaches the runtime: over HTTP, or in-process.
 */
interface Transport {

	/**
	 * Sends a request and waits for the answer.
	 * @param request the request
	 * @return the answer
	 */
	FunctionResult exchange(FunctionRequest request);

}
