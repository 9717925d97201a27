package io.functionruntime.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.functionruntime.FunctionHandler;
import io.functionruntime.internal.knative.KnativeManifest;
import io.functionruntime.internal.knative.KnativeManifestRunner;
import io.functionruntime.internal.registry.FunctionRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The Knative manifest the application prints with
 * {@code --function-runtime.knative.print-manifest}: when it is on, and how each
 * function's settings become its Service, read back as YAML.
 */
@ExtendWith(OutputCaptureExtension.class)
class KnativeManifestAutoConfigurationTests {

	private static final String PRINT = "function-runtime.knative.print-manifest=true";

	private static final String MAIN = "function-runtime.functions[main.handler].";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				FunctionRuntimeAutoConfiguration.class, KnativeManifestAutoConfiguration.class))
		.withBean("mainHandler", FunctionRuntimeAutoConfigurationTests.MainHandler.class, FunctionRuntimeAutoConfigurationTests.MainHandler::new,
				(definition) -> definition.setScope(ConfigurableBeanFactory.SCOPE_PROTOTYPE));

	@Test
	void withoutTheFlagThereIsNoManifest() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(KnativeManifestRunner.class));
	}

	@Test
	void flagWithoutAValueTurnsTheManifestOn() {
		this.runner.withPropertyValues("function-runtime.knative.print-manifest=")
			.run((context) -> assertThat(context).hasSingleBean(KnativeManifestRunner.class));
	}

	@Test
	void falseFlagLeavesTheManifestOff() {
		this.runner.withPropertyValues("function-runtime.knative.print-manifest=false")
			.run((context) -> assertThat(context).doesNotHaveBean(KnativeManifestRunner.class));
	}

	@Test
	void onlyFunctionIsOneServiceWithItsSettings() {
		this.runner
			.withPropertyValues(PRINT, "spring.application.name=shop", MAIN + "concurrency=4",
					MAIN + "instances-limit=5", MAIN + "provisioned-instances=2", MAIN + "timeout=2500ms")
			.run((context) -> {
				List<Map<String, Object>> services = services(context);
				assertThat(services).hasSize(1);
				Map<String, Object> service = services.get(0);
				assertThat(service).containsEntry("apiVersion", "serving.knative.dev/v1").containsEntry("kind", "Service");
				assertThat(at(service, "metadata")).containsExactly(Map.entry("name", "shop"));
				assertThat(at(service, "spec", "template", "metadata", "annotations")).containsExactly(
						Map.entry("autoscaling.knative.dev/min-scale", "2"),
						Map.entry("autoscaling.knative.dev/max-scale", "5"));
				Map<String, Object> spec = at(service, "spec", "template", "spec");
				assertThat(spec).containsEntry("containerConcurrency", 4).containsEntry("timeoutSeconds", 4);
				Map<String, Object> container = container(service);
				assertThat(container).containsEntry("image", "dev.local/shop:latest")
					.containsEntry("ports", List.of(Map.of("containerPort", 8080)))
					.doesNotContainKey("env");
				assertThat(at(container, "livenessProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness");
				assertThat(at(container, "readinessProbe", "httpGet")).containsEntry("path",
						"/actuator/health/readiness");
			});
	}

	@Test
	void eachOfSeveralFunctionsIsAServiceThatServesItAtTheRoot() {
		this.runner.withBean("otherHandler", FunctionRuntimeAutoConfigurationTests.OtherHandler.class)
			.withPropertyValues(PRINT, "function-runtime.knative.service-name=shop",
					"function-runtime.knative.image=registry.example.com/shop:1.2",
					"function-runtime.knative.namespace=functions",
					"function-runtime.functions[other.handler].timeout=10s")
			.run((context) -> {
				List<Map<String, Object>> services = services(context);
				assertThat(services).extracting((service) -> at(service, "metadata"))
					.containsExactly(Map.of("name", "shop-main-handler", "namespace", "functions"),
							Map.of("name", "shop-other-handler", "namespace", "functions"));
				assertThat(services).extracting((service) -> container(service).get("env"))
					.containsExactly(List.of(Map.of("name", "FUNCTION_RUNTIME_DEFAULT_FUNCTION", "value", "main.handler")),
							List.of(Map.of("name", "FUNCTION_RUNTIME_DEFAULT_FUNCTION", "value", "other.handler")));
				assertThat(services).extracting((service) -> container(service).get("image"))
					.containsOnly("registry.example.com/shop:1.2");
				assertThat(services).extracting((service) -> at(service, "spec", "template", "spec").get("timeoutSeconds"))
					.containsExactly(4, 11);
			});
	}

	@Test
	void memoryLimitIsTheContainersMemoryRequestAndLimit() {
		this.runner.withPropertyValues(PRINT, MAIN + "memory-limit=512MB")
			.run((context) -> assertThat(at(container(services(context).get(0)), "resources"))
				.isEqualTo(Map.of("requests", Map.of("memory", "512Mi"), "limits", Map.of("memory", "512Mi"))));
	}

	@Test
	void defaultMemoryLimitIsTheContainersMemoryWithoutACpuLimit() {
		this.runner.withPropertyValues(PRINT)
			.run((context) -> assertThat(at(container(services(context).get(0)), "resources"))
				.isEqualTo(Map.of("requests", Map.of("memory", "128Mi"), "limits", Map.of("memory", "128Mi"))));
	}

	@Test
	void environmentAndSecretsReachEveryContainer() {
		this.runner.withBean("otherHandler", FunctionRuntimeAutoConfigurationTests.OtherHandler.class)
			.withPropertyValues(PRINT, "function-runtime.knative.environment[DB_URL]=jdbc:postgresql://db/shop",
					"function-runtime.knative.environment[TZ]=UTC",
					"function-runtime.knative.secret-keys[DB_PASSWORD].secret=shop-db",
					"function-runtime.knative.secret-keys[DB_PASSWORD].key=password",
					"function-runtime.knative.secrets=shop-api-keys,shop-tls")
			.run((context) -> {
				List<Map<String, Object>> services = services(context);
				assertThat(services).hasSize(2);
				Map<String, Object> other = container(services.get(1));
				assertThat(other.get("env")).isEqualTo(List.of(
						Map.of("name", "FUNCTION_RUNTIME_DEFAULT_FUNCTION", "value", "other.handler"),
						Map.of("name", "DB_URL", "value", "jdbc:postgresql://db/shop"),
						Map.of("name", "TZ", "value", "UTC"), Map.of("name", "DB_PASSWORD", "valueFrom",
								Map.of("secretKeyRef", Map.of("name", "shop-db", "key", "password")))));
				assertThat(other.get("envFrom")).isEqualTo(List.of(Map.of("secretRef", Map.of("name", "shop-api-keys")),
						Map.of("secretRef", Map.of("name", "shop-tls"))));
				assertThat(container(services.get(0)).get("envFrom")).isEqualTo(other.get("envFrom"));
			});
	}

	@Test
	void secretKeyWithoutItsKeyStopsWithTheProperty() {
		this.runner
			.withPropertyValues(PRINT, "function-runtime.knative.secret-keys[DB_PASSWORD].secret=shop-db")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("function-runtime.knative.secret-keys[DB_PASSWORD] needs both a secret and a key; set "
						+ "function-runtime.knative.secret-keys[DB_PASSWORD].secret and .key"));
	}

	@Test
	void probesFollowTheContextPathAndTheManagementBasePath() {
		this.runner
			.withPropertyValues(PRINT, "server.servlet.context-path=/app", "management.endpoints.web.base-path=/manage")
			.run((context) -> assertThat(at(container(services(context).get(0)), "livenessProbe", "httpGet"))
				.containsEntry("path", "/app/manage/health/liveness"));
	}

	@Test
	void withoutActuatorHealthThereAreNoProbes() {
		this.runner.withPropertyValues(PRINT)
			.withClassLoader(new FilteredClassLoader(HealthEndpoint.class))
			.run((context) -> assertThat(container(services(context).get(0))).doesNotContainKeys("livenessProbe",
					"readinessProbe"));
	}

	@Test
	void serviceNameThatIsNoKubernetesNameStopsWithTheFix() {
		this.runner.withPropertyValues(PRINT, "function-runtime.knative.service-name=9lives")
			.run((context) -> assertThatIllegalStateException().isThrownBy(() -> manifest(context))
				.withMessageContaining("'9lives', which is no valid Kubernetes name")
				.withMessageContaining("set function-runtime.knative.service-name"));
	}

	@Test
	void functionsWhoseServicesWouldShareANameStopWithBothNamed() {
		this.runner.withBean("lookalikeHandlers", LookalikeHandlers.class)
			.withPropertyValues(PRINT, "function-runtime.knative.service-name=shop")
			.run((context) -> assertThatIllegalStateException().isThrownBy(() -> manifest(context))
				.withMessageMatching("Functions '(a_b|a-b).handler' and '(a_b|a-b).handler' would both be the Knative "
						+ "Service 'shop-a-b-handler'.*"));
	}

	@Test
	void runnerPrintsTheManifestAndClosesTheApplication(CapturedOutput output) {
		this.runner.withPropertyValues(PRINT, "spring.application.name=shop").run((context) -> {
			context.getBean(KnativeManifestRunner.class).run(null);
			assertThat(context.getSourceApplicationContext().isActive()).isFalse();
		});
		assertThat(output.getOut()).contains("# Knative Services of shop", "\n  name: shop\n");
	}

	private static String manifest(AssertableWebApplicationContext context) {
		return context.getBean(KnativeManifest.class).render(context.getBean(FunctionRegistry.class));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> services(AssertableWebApplicationContext context) {
		String manifest = manifest(context);
		assertThat(manifest).startsWith("# Knative Services of ");
		List<Map<String, Object>> services = new ArrayList<>();
		new Yaml().loadAll(manifest).forEach((document) -> services.add((Map<String, Object>) document));
		return services;
	}

	private static Map<String, Object> container(Map<String, Object> service) {
		List<?> containers = (List<?>) at(service, "spec", "template", "spec").get("containers");
		assertThat(containers).hasSize(1);
		return cast(containers.get(0));
	}

	private static Map<String, Object> at(Map<String, Object> map, String... path) {
		Map<String, Object> current = map;
		for (String key : path) {
			current = cast(current.get(key));
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	/** Two entry points that differ only where a Kubernetes name cannot. */
	static class LookalikeHandlers {

		@FunctionHandler("a_b.handler")
		Map<String, Object> underscore(Map<String, Object> event) {
			return Map.of("statusCode", 200);
		}

		@FunctionHandler("a-b.handler")
		Map<String, Object> dash(Map<String, Object> event) {
			return Map.of("statusCode", 200);
		}

	}

}
