package io.functionruntime.internal.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.functionruntime.internal.async.AsyncInvocations;
import io.functionruntime.internal.async.AsyncState;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.invoke.PoolState;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.trigger.QueueTriggerRunner;
import io.functionruntime.internal.trigger.QueueTriggerState;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionSettings;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code functions} endpoint: every function with its routes, identity, handler and
 * settings, and what its instances are doing now, then each Message Queue trigger's state
 * and the asynchronous calls' buffer; {@code functions/{route}} shows one function, found
 * by entry point or function id.
 */
@Endpoint(id = "functions")
public class FunctionsEndpoint {

	private final FunctionRegistry registry;

	private final FunctionInvoker invoker;

	private final QueueTriggerRunner queueTriggers;

	private final AsyncInvocations async;

	/**
	 * Creates the endpoint.
	 * @param registry the functions
	 * @param invoker the invoker, whose pools tell what the instances do
	 * @param queueTriggers the Message Queue triggers, or {@code null} when none is
	 * configured
	 * @param async the asynchronous calls, or {@code null} without them
	 */
	public FunctionsEndpoint(FunctionRegistry registry, FunctionInvoker invoker, QueueTriggerRunner queueTriggers,
			AsyncInvocations async) {
		this.registry = registry;
		this.invoker = invoker;
		this.queueTriggers = queueTriggers;
		this.async = async;
	}

	@ReadOperation
	public FunctionsDescriptor functions() {
		Map<String, FunctionDescriptor> functions = new LinkedHashMap<>();
		this.registry.functions().forEach((name, function) -> functions.put(name, describe(function)));
		return new FunctionsDescriptor(functions,
				(this.queueTriggers != null) ? this.queueTriggers.states() : List.of(),
				(this.async != null) ? this.async.state() : null);
	}

	@ReadOperation
	public FunctionDescriptor function(@Selector String route) {
		FunctionDefinition function = route.isEmpty() ? null : this.registry.find(route);
		return (function != null) ? describe(function) : null;
	}

	private FunctionDescriptor describe(FunctionDefinition function) {
		FunctionSettings settings = function.settings();
		return new FunctionDescriptor(function.entryPoint(), this.registry.routes(function), settings.id(), settings.name(),
				settings.versionId(), function.adapter().description(), settings.timeout().toMillis(),
				settings.memoryLimitMb(), settings.concurrency(), settings.instancesLimit(),
				settings.provisionedInstances(), settings.requestsLimit(), this.invoker.state(function.entryPoint()));
	}

	/**
	 * Every function, by entry point, what each Message Queue trigger is doing, and the
	 * asynchronous calls' buffer.
	 *
	 * @param functions the functions
	 * @param messageQueueTriggers each trigger's state: polling, last batch, failures
	 * @param async what the asynchronous calls' buffer and workers hold
	 */
	public record FunctionsDescriptor(Map<String, FunctionDescriptor> functions,
			List<QueueTriggerState> messageQueueTriggers, AsyncState async) implements OperationResponseBody {
	}

	/**
	 * One function.
	 *
	 * @param entryPoint the entry point
	 * @param routes the paths that reach it
	 * @param id the function id
	 * @param name the name in logs
	 * @param versionId the version id
	 * @param handler the handler method and its shape
	 * @param timeoutMillis the timeout of a call
	 * @param memoryLimitMb the reported memory limit
	 * @param concurrency calls one instance serves at once
	 * @param instancesLimit instances that may run
	 * @param provisionedInstances instances created at startup
	 * @param requestsLimit calls in flight or queued before 429
	 * @param state what its instances and calls are doing now
	 */
	public record FunctionDescriptor(String entryPoint, List<String> routes, String id, String name, String versionId,
			String handler, long timeoutMillis, int memoryLimitMb, int concurrency, int instancesLimit,
			int provisionedInstances, int requestsLimit, PoolState state) implements OperationResponseBody {
	}

}
