package io.functionruntime.autoconfigure;

import java.util.List;
import java.util.Set;

import io.functionruntime.autoconfigure.SpringBootVersionCheck.IncompatibleVersionsException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application on the wrong Spring Boot or Jackson fails first, naming the versions
 * found and needed; this Spring Boot passes.
 */
class SpringBootVersionCheckTests {

	private static final Set<String> BOOT_4_AND_JACKSON_3 = Set.of("org.springframework.boot.EnvironmentPostProcessor",
			"tools.jackson.databind.json.JsonMapper");

	private static final Set<String> BOOT_3_AND_JACKSON_2 = Set.of("com.fasterxml.jackson.databind.json.JsonMapper");

	@Test
	void springBoot4WithJackson3Passes() {
		assertThat(SpringBootVersionCheck.problem("4.0.7", BOOT_4_AND_JACKSON_3::contains)).isNull();
	}

	@Test
	void springBoot35WithJackson2FailsNamingBoth() {
		assertThat(SpringBootVersionCheck.problem("3.5.6", BOOT_3_AND_JACKSON_2::contains))
			.isEqualTo("function-runtime needs Spring Boot 4.0.x and Jackson 3 (tools.jackson.databind), but the "
					+ "class path has Spring Boot 3.5.6 and only Jackson 2 (com.fasterxml.jackson.databind).");
	}

	@Test
	void springBoot4WithoutJackson3Fails() {
		assertThat(SpringBootVersionCheck.problem("4.0.7", Set.of("org.springframework.boot.EnvironmentPostProcessor")::contains))
			.isEqualTo("function-runtime needs Spring Boot 4.0.x and Jackson 3 (tools.jackson.databind), but the "
					+ "class path has no Jackson 3 (tools.jackson.databind).");
	}

	@Test
	void unknownVersionIsToldByTheClassesOfSpringBoot4() {
		assertThat(SpringBootVersionCheck.problem(null, BOOT_4_AND_JACKSON_3::contains)).isNull();
		assertThat(SpringBootVersionCheck.problem(null, Set.of("tools.jackson.databind.json.JsonMapper")::contains))
			.isEqualTo("function-runtime needs Spring Boot 4.0.x and Jackson 3 (tools.jackson.databind), but the "
					+ "class path has Spring Boot older than 4.");
	}

	@Test
	void failureIsReportedWithTheFix() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, (factoryType, implementationName, failure) -> {
			});
		IncompatibleVersionsException failure = new IncompatibleVersionsException("wrong versions");
		FailureAnalysis analysis = analyzers.stream()
			.map((analyzer) -> analyzer.analyze(failure))
			.filter((result) -> result != null)
			.findFirst()
			.orElseThrow();
		assertThat(analysis.getDescription()).isEqualTo("wrong versions");
		assertThat(analysis.getAction()).contains("Spring Boot 4.0.x");
	}

	@Test
	void checkIsAnApplicationListenerThatPassesOnThisSpringBoot() {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThat(application.getListeners()).hasAtLeastOneElementOfType(SpringBootVersionCheck.class);
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyApplication {

	}

}
