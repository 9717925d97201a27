package io.functionruntime.test;

import io.functionruntime.internal.web.FunctionController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the functions of an application from its tests exactly as an HTTP client does,
 * without boilerplate:
 * <pre class="code">
 * FunctionResult result = functions.call("main.handler")
 *     .query("param", "one")
 *     .jsonBody(Map.of("hello", "world"))
 *     .send();
 * </pre>
 * Against a running server (a {@code RANDOM_PORT} test) it calls over HTTP; without one (a
 * {@code MOCK} test, the default) it hands the call to the runtime in-process, with the same
 * event, invoker and response. Get one injected with
 * {@link AutoConfigureFunctionTestClient @AutoConfigureFunctionTestClient}, or make one
 * with {@link #forPort(int)} or {@link #inProcess(FunctionController)}.
 */
public final class FunctionTestClient {

	private final Transport transport;

	private final JsonMapper jsonMapper;

	FunctionTestClient(Transport transport, JsonMapper jsonMapper) {
		this.transport = transport;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Creates a client for a server listening on a local port, such as an application
	 * started apart from the test.
	 * @param port the port
	 * @return the client
	 */
	public static FunctionTestClient forPort(int port) {
		JsonMapper jsonMapper = JsonMapper.shared();
		return new FunctionTestClient(new ServerTransport(() -> "http://127.0.0.1:" + port, jsonMapper), jsonMapper);
	}

	/**
	 * Creates a client that hands calls to the runtime in-process, without a server.
	 * @param controller the application's {@link FunctionController} bean
	 * @return the client
	 */
	public static FunctionTestClient inProcess(FunctionController controller) {
		JsonMapper jsonMapper = JsonMapper.shared();
		return new FunctionTestClient(new InProcessTransport(controller, jsonMapper), jsonMapper);
	}

	/**
	 * Starts a call.
	 * @param route the entry point ({@code main.handler}), the function id, or {@code ""}
	 * for the default function; a leading {@code /} is allowed
	 * @return the call, to describe and {@link FunctionCall#send() send}
	 */
	public FunctionCall call(String route) {
		return new FunctionCall(route, this.transport, this.jsonMapper);
	}

	@Override
	public String toString() {
		return "FunctionTestClient[" + this.transport + "]";
	}

}
