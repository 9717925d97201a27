package io.functionruntime.http;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each function reads its own environment from its context: its variables over the
 * defaults' over the process's, and {@code _HANDLER}, the entry point, as in the cloud.
 * {@code env.first} and {@code env.second} set GREETING each, the defaults GREETING and
 * SHARED (application-http.yml).
 */
@HttpTest
class FunctionEnvironmentTests {

	@Autowired
	TestHttp http;

	@Test
	void eachFunctionReadsItsOwnValue() {
		assertThat(read("env.first", "GREETING")).isEqualTo("hello from first|hello from first");
		assertThat(read("env.second", "GREETING")).isEqualTo("hello from second|hello from second");
	}

	@Test
	void variableOfTheDefaultsReachesEveryFunction() {
		assertThat(read("env.first", "SHARED")).isEqualTo("every function's|every function's");
		assertThat(read("env.second", "SHARED")).isEqualTo("every function's|every function's");
	}

	@Test
	void variableTheFunctionDoesNotSetIsTheProcesss() {
		Map.Entry<String, String> variable = System.getenv()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().matches("[A-Za-z][A-Za-z0-9_]*"))
			.filter((entry) -> !entry.getKey().equals("GREETING") && !entry.getKey().equals("SHARED"))
			.findFirst()
			.orElseThrow();
		assertThat(read("env.first", variable.getKey())).isEqualTo(variable.getValue() + "|" + variable.getValue());
	}

	@Test
	void handlerVariableIsTheEntryPoint() {
		assertThat(read("env.first", "_HANDLER")).isEqualTo("env.first|env.first");
		assertThat(read("env.second", "_HANDLER")).isEqualTo("env.second|env.second");
	}

	@Test
	void variableSetNowhereIsNull() {
		assertThat(read("env.first", "FUNCTION_RUNTIME_TEST_UNSET")).isEqualTo("null|null");
	}

	private String read(String function, String name) {
		var response = this.http.get("/" + function + "?name=" + name);
		assertThat(response.statusCode()).isEqualTo(200);
		return TestHttp.text(response);
	}

}
