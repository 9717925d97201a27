package io.functionruntime.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves on the port that container platforms (Knative, Cloud Run, Heroku…) give in the
 * {@code PORT} environment variable, as the cloud's runtime does. It is the last source
 * of {@code server.port}, so any {@code server.port} the application sets wins.
 */
public class PortEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String port = environment.getProperty("PORT");
		if (port != null && port.matches("\\d{1,5}")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("functionRuntimePort", Map.of("server.port", port)));
		}
	}

}
