package io.functionruntime.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.functionruntime.internal.knative.ContainerEnvironment;
import io.functionruntime.internal.knative.ContainerEnvironment.SecretKey;
import io.functionruntime.internal.knative.KnativeManifest;
import io.functionruntime.internal.knative.KnativeManifestRunner;
import io.functionruntime.internal.registry.FunctionRegistry;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Prints the Knative manifest of the application's functions and exits, when the
 * application is started with {@code --function-runtime.knative.print-manifest}.
 */
@AutoConfiguration(after = FunctionRuntimeAutoConfiguration.class)
@ConditionalOnClass(Yaml.class)
@ConditionalOnBean(FunctionRegistry.class)
@ConditionalOnProperty("function-runtime.knative.print-manifest")
@EnableConfigurationProperties(KnativeProperties.class)
public final class KnativeManifestAutoConfiguration {

	private static final String HEALTH_ENDPOINT = "org.springframework.boot.health.actuate.endpoint.HealthEndpoint";

	@Bean
	@ConditionalOnMissingBean
	KnativeManifest knativeManifest(KnativeProperties properties, Environment environment,
			ResourceLoader resourceLoader) {
		String serviceName = StringUtils.hasText(properties.getServiceName()) ? properties.getServiceName()
				: environment.getProperty("spring.application.name", "functions");
		String image = StringUtils.hasText(properties.getImage()) ? properties.getImage()
				: "dev.local/" + serviceName + ":latest";
		return new KnativeManifest(serviceName, image, properties.getNamespace(),
				healthPath(environment, resourceLoader.getClassLoader()), containerEnvironment(properties));
	}

	/**
	 * Reads the containers' own environment; a Secret key without its Secret or key stops
	 * the manifest, naming the property.
	 */
	private static ContainerEnvironment containerEnvironment(KnativeProperties properties) {
		Map<String, SecretKey> secretKeys = new LinkedHashMap<>();
		properties.getSecretKeys().forEach((name, ref) -> {
			if (!StringUtils.hasText(ref.getSecret()) || !StringUtils.hasText(ref.getKey())) {
				throw new IllegalStateException("function-runtime.knative.secret-keys[" + name
						+ "] needs both a secret and a key; set function-runtime.knative.secret-keys[" + name
						+ "].secret and .key");
			}
			secretKeys.put(name, new SecretKey(ref.getSecret(), ref.getKey()));
		});
		return new ContainerEnvironment(new LinkedHashMap<>(properties.getEnvironment()), secretKeys,
				List.copyOf(properties.getSecrets()));
	}

	/**
	 * Finds Actuator's health endpoint, which gives the probes: only on the application's
	 * own port, the one port Knative routes.
	 */
	private static String healthPath(Environment environment, ClassLoader classLoader) {
		if (!ClassUtils.isPresent(HEALTH_ENDPOINT, classLoader)
				|| environment.containsProperty("management.server.port")) {
			return null;
		}
		return environment.getProperty("server.servlet.context-path", "")
				+ environment.getProperty("management.endpoints.web.base-path", "/actuator") + "/health";
	}

	@Bean
	@ConditionalOnMissingBean
	KnativeManifestRunner knativeManifestRunner(KnativeManifest manifest, FunctionRegistry registry,
			ConfigurableApplicationContext context) {
		return new KnativeManifestRunner(manifest, registry, context, System.out);
	}

}
