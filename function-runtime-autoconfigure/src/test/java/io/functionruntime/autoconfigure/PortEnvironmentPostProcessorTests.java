package io.functionruntime.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code PORT} environment variable of container platforms (SPEC §10).
 */
class PortEnvironmentPostProcessorTests {

	private final PortEnvironmentPostProcessor postProcessor = new PortEnvironmentPostProcessor();

	@Test
	void portChoosesTheServerPort() {
		MockEnvironment environment = new MockEnvironment().withProperty("PORT", "9090");
		this.postProcessor.postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("server.port")).isEqualTo("9090");
	}

	@Test
	void serverPortOfTheApplicationWinsOverPort() {
		MockEnvironment environment = new MockEnvironment().withProperty("PORT", "9090")
			.withProperty("server.port", "8081");
		this.postProcessor.postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("server.port")).isEqualTo("8081");
	}

	@Test
	void portThatIsNoNumberIsIgnored() {
		MockEnvironment environment = new MockEnvironment().withProperty("PORT", "http");
		this.postProcessor.postProcessEnvironment(environment, null);
		assertThat(environment.getProperty("server.port")).isNull();
	}

}
