package io.functionruntime.test;

import io.functionruntime.internal.web.FunctionController;
import io.functionruntime.invoke.InvocationResult;
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

	private final RuntimeControls controls;

	FunctionTestClient(Transport transport, JsonMapper jsonMapper, RuntimeControls controls) {
		this.transport = transport;
		this.jsonMapper = jsonMapper;
		this.controls = controls;
	}

	/**
	 * Creates a client for a server listening on a local port, such as an application
	 * started apart from the test.
	 * @param port the port
	 * @return the client
	 */
	public static FunctionTestClient forPort(int port) {
		JsonMapper jsonMapper = JsonMapper.shared();
		return new FunctionTestClient(new ServerTransport(() -> "http://127.0.0.1:" + port, jsonMapper), jsonMapper,
				null);
	}

	/**
	 * Creates a client that hands calls to the runtime in-process, without a server.
	 * @param controller the application's {@link FunctionController} bean
	 * @return the client
	 */
	public static FunctionTestClient inProcess(FunctionController controller) {
		JsonMapper jsonMapper = JsonMapper.shared();
		return new FunctionTestClient(new InProcessTransport(controller, jsonMapper), jsonMapper, null);
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

	/**
	 * Fires a configured timer trigger now, enabled or not, as its schedule would, and
	 * waits until its call has ended; a failed call is not retried. Configure the timer
	 * with {@code enabled=false} to fire it only from tests.
	 * @param trigger the timer's name under {@code function-runtime.triggers.timers}, or its
	 * trigger id
	 * @return how the call ended: {@code InvocationResult.Success} with the handler's
	 * result, or {@code Failure}, {@code TimedOut}, {@code Throttled}
	 * @throws IllegalArgumentException when no timer has that name or id
	 * @throws IllegalStateException when the client was not injected
	 */
	public InvocationResult fireTimer(String trigger) {
		return controls("fire a timer").fireTimer(trigger);
	}

	/**
	 * Retires every instance of a function, as a new deployment would, so that its next
	 * call gets a new handler object: what a test does when the state that earlier tests
	 * left in the handler's fields, in an application context they share, must not reach
	 * it. Provisioned instances are created again at once.
	 * @param route the entry point, the function id, or {@code ""} for the default function
	 * @throws IllegalArgumentException when no function has that route
	 * @throws IllegalStateException when the handler is a singleton bean, whose fields no
	 * reset can clear, or when the client was not injected
	 */
	public void resetInstances(String route) {
		controls("reset instances").resetInstances(route);
	}

	private RuntimeControls controls(String action) {
		if (this.controls == null) {
			throw new IllegalStateException("A client made by forPort or inProcess cannot " + action + ": it needs "
					+ "the application context. Get the client injected with @AutoConfigureFunctionTestClient.");
		}
		return this.controls;
	}

	@Override
	public String toString() {
		return "FunctionTestClient[" + this.transport + "]";
	}

}
