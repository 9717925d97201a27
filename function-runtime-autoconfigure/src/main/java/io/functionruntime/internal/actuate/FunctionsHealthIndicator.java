package io.functionruntime.internal.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.invoke.PoolState;
import io.functionruntime.internal.registry.FunctionRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Down when a function cannot start an instance: its handler objects failed to be created
 * the given number of times in a row and none of its instances is live. Each function is
 * a detail with its status and, after a failed start, the reason. It is up again as soon
 * as a creation succeeds, which only a call can try: keep this indicator out of the
 * readiness group, or a replica that is not called would never recover.
 */
public class FunctionsHealthIndicator implements HealthIndicator {

	private final FunctionRegistry registry;

	private final FunctionInvoker invoker;

	private final int initFailureThreshold;

	public FunctionsHealthIndicator(FunctionRegistry registry, FunctionInvoker invoker, int initFailureThreshold) {
		this.registry = registry;
		this.invoker = invoker;
		this.initFailureThreshold = initFailureThreshold;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		for (String function : this.registry.functions().keySet()) {
			PoolState state = this.invoker.state(function);
			boolean down = state.failedInits() >= this.initFailureThreshold && state.live() == 0;
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("status", down ? "DOWN" : "UP");
			if (down) {
				health.down();
				detail.put("reason", "the last " + state.failedInits()
						+ " instances failed to start and none is live: " + state.lastInitFailure());
			}
			else if (state.failedInits() > 0) {
				detail.put("failedInits", state.failedInits());
				detail.put("lastInitFailure", state.lastInitFailure());
			}
			health.withDetail(function, detail);
		}
		return health.build();
	}

}
