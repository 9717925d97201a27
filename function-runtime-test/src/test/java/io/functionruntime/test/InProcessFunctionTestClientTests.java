package io.functionruntime.test;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client of a {@code MOCK} test hands calls to the runtime in-process.
 */
@SpringBootTest(classes = KitFunctions.class)
@AutoConfigureFunctionTestClient
class InProcessFunctionTestClientTests extends FunctionTestClientContract {

	@Test
	void clientCallsTheRuntimeInProcess() {
		assertThat(this.functions).hasToString("FunctionTestClient[in-process]");
	}

	@Test
	void eventComesFromTheLoopbackAddress() {
		assertThat(event(this.functions.call("echo.handler").send()).get("requestContext")
			.get("identity")
			.get("sourceIp")
			.asString()).isEqualTo("127.0.0.1");
	}

}
