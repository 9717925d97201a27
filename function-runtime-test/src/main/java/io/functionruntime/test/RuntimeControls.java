package io.functionruntime.test;

import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.trigger.TimerTriggerScheduler;
import io.functionruntime.invoke.InvocationResult;
import io.functionruntime.registry.FunctionDefinition;

import org.springframework.beans.factory.ObjectProvider;

/**
 * What a test does to the runtime of its own application context beyond calling it:
 * firing timers and resetting instances. A client for a server elsewhere has none.
 */
final class RuntimeControls {

	private final FunctionRegistry registry;

	private final FunctionInvoker invoker;

	private final ObjectProvider<TimerTriggerScheduler> timers;

	RuntimeControls(FunctionRegistry registry, FunctionInvoker invoker,
			ObjectProvider<TimerTriggerScheduler> timers) {
		this.registry = registry;
		this.invoker = invoker;
		this.timers = timers;
	}

	InvocationResult fireTimer(String trigger) {
		TimerTriggerScheduler scheduler = this.timers.getIfAvailable();
		if (scheduler == null) {
			throw new IllegalArgumentException("Timer trigger '" + trigger + "' cannot fire: the application "
					+ "configures no timer. Configure it under function-runtime.triggers.timers." + trigger
					+ ", with enabled=false to fire it only from tests.");
		}
		return scheduler.fireNow(trigger);
	}

	void resetInstances(String route) {
		FunctionDefinition function = this.registry.find(route.startsWith("/") ? route.substring(1) : route);
		if (function == null) {
			throw new IllegalArgumentException("No function is reached at '" + route + "'; the functions are "
					+ this.registry.functions().keySet());
		}
		if (function.singleton()) {
			throw new IllegalStateException("Function '" + function.entryPoint() + "' cannot be reset: its handler, "
					+ "bean '" + function.beanName() + "', is a singleton, so a new instance would be the same "
					+ "object with the same fields. Annotate the bean with @Scope(\"prototype\") so that every "
					+ "instance is a new object.");
		}
		this.invoker.resetInstances(function.entryPoint());
	}

}
