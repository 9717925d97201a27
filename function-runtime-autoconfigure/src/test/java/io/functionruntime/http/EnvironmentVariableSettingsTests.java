package io.functionruntime.http;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings per function given as environment variables, as a container platform gives
 * them, take effect over the application's YAML: {@code debug.pause} has a 200 ms timeout
 * there (a pause of 600 ms is answered 504, {@code ErrorResponsesTests}), and 5 s from
 * FUNCTION_RUNTIME_FUNCTIONS_DEBUG_PAUSE_TIMEOUT.
 */
class EnvironmentVariableSettingsTests {

	@Test
	void variablesSetTheTimeoutAndEnvironmentOfTheFunctionTheyName() {
		Map<String, Object> variables = Map.of("FUNCTION_RUNTIME_FUNCTIONS_DEBUG_PAUSE_TIMEOUT", "5s",
				"FUNCTION_RUNTIME_FUNCTIONS_ENV_FIRST_ENVIRONMENT_GREETING", "from a variable");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestFunctions.class).profiles("http")
			.properties("server.port=0")
			.initializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource("container variables", variables)))
			.run()) {
			TestHttp http = new TestHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
			HttpResponse<byte[]> paused = http.get("/debug.pause?ms=600");
			assertThat(paused.statusCode()).isEqualTo(200);
			assertThat(TestHttp.text(paused)).isEqualTo("resumed");
			assertThat(TestHttp.text(http.get("/env.first?name=GREETING"))).isEqualTo("from a variable|from a variable");
			assertThat(TestHttp.text(http.get("/env.second?name=GREETING")))
				.isEqualTo("hello from second|hello from second");
		}
	}

}
