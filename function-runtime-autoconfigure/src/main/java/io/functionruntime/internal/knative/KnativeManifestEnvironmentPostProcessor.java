package io.functionruntime.internal.knative;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares a run with {@code --function-runtime.knative.print-manifest}: no web server,
 * no banner and nothing but errors on the console, so that standard output is the
 * manifest alone.
 */
public class KnativeManifestEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PRINT_MANIFEST = "function-runtime.knative.print-manifest";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String printManifest = environment.getProperty(PRINT_MANIFEST);
		if (printManifest != null && !"false".equalsIgnoreCase(printManifest)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("functionRuntimeKnativeManifest",
						Map.of("server.port", "-1", "spring.main.banner-mode", "off",
								"spring.main.log-startup-info", "false", "logging.threshold.console", "error")));
		}
	}

}
