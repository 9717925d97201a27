package io.functionruntime.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives Tomcat limits that keep idle and slow clients from taking the server down: fewer
 * connections than Tomcat's 8192 (each costs buffers whether it sends anything or not, so
 * that many idle ones exhaust a small heap), and shorter connection and keep-alive timeouts
 * than its 60 seconds. They are the last source of those properties, so whatever the
 * application sets wins; {@code function-runtime.server-limits.enabled=false} leaves
 * Tomcat's own defaults.
 */
public class ServerLimitsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final Map<String, Object> LIMITS = Map.of("server.tomcat.max-connections", "1024",
			"server.tomcat.connection-timeout", "10s", "server.tomcat.keep-alive-timeout", "20s");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("function-runtime.server-limits.enabled", Boolean.class, true)) {
			environment.getPropertySources().addLast(new MapPropertySource("functionRuntimeServerLimits", LIMITS));
		}
	}

}
