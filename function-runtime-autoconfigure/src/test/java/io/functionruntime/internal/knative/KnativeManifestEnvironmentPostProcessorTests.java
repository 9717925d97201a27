package io.functionruntime.internal.knative;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that prints the Knative manifest serves nothing and writes nothing else to
 * standard output.
 */
class KnativeManifestEnvironmentPostProcessorTests {

	private final KnativeManifestEnvironmentPostProcessor postProcessor = new KnativeManifestEnvironmentPostProcessor();

	@Test
	void printingRunHasNoServerNoBannerAndOnlyErrorsOnTheConsole() {
		MockEnvironment environment = new MockEnvironment().withProperty("function-runtime.knative.print-manifest", "")
			.withProperty("server.port", "8080");
		this.postProcessor.postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("server.port")).isEqualTo("-1");
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		assertThat(environment.getProperty("spring.main.log-startup-info")).isEqualTo("false");
		assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("error");
	}

	@Test
	void ordinaryRunIsLeftAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("function-runtime.knative.print-manifest",
				"false");
		this.postProcessor.postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("server.port")).isNull();
	}

}
