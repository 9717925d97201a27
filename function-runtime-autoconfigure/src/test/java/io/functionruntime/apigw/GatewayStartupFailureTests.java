package io.functionruntime.apigw;

import java.util.Map;

import io.functionruntime.FunctionHandler;
import io.functionruntime.autoconfigure.ApiGatewayAutoConfiguration;
import io.functionruntime.autoconfigure.FunctionRuntimeAutoConfiguration;
import io.functionruntime.registry.FunctionDefinitionException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spec the gateway would not deploy stops startup with a message that names the spec,
 * the path and what is wrong, and says the fix; without a spec the gateway stays off and
 * the application's own Jackson 3 mapper is untouched.
 */
class GatewayStartupFailureTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				FunctionRuntimeAutoConfiguration.class, ApiGatewayAutoConfiguration.class))
		.withBean(EchoFunction.class)
		.withPropertyValues("function-runtime.functions[echo.event].id=d4eechofunction00001");

	@Test
	void unknownFunctionId() {
		assertFailure("classpath:apigw/unknown-function.yaml",
				"API Gateway spec classpath:apigw/unknown-function.yaml, GET /users/{id}: function_id "
						+ "'d4enosuchfunction001' is no function's id; the functions' ids are [d4eechofunction00001].",
				"function-runtime.functions[<entry point>].id");
	}

	@Test
	void unknownAuthorizerFunctionId() {
		assertFailure("classpath:apigw/unknown-authorizer.yaml",
				"API Gateway spec classpath:apigw/unknown-authorizer.yaml, components.securitySchemes.bearer: its "
						+ "function authorizer's function_id 'd4enoauthorizer00001' is no function's id; the "
						+ "functions' ids are [d4eechofunction00001].",
				"function-runtime.functions[<entry point>].id of the authorizer function");
	}

	@Test
	void invalidSpecGivesTheParsersMessages() {
		assertFailure("classpath:apigw/invalid.yaml",
				"API Gateway spec classpath:apigw/invalid.yaml is not a valid OpenAPI 3.0 spec: ",
				"OpenAPI 3.0");
	}

	@Test
	void twoOperationsForTheSameMethodAndPath() {
		assertFailure("classpath:apigw/duplicate.yaml",
				"API Gateway spec classpath:apigw/duplicate.yaml, /users/{name}/: GET /users/{name}/ is the same "
						+ "route as GET /users/{id} (the gateway matches paths with any parameter names and, with "
						+ "ignoreTrailingSlashes, without a trailing slash).",
				"Keep one of the two operations");
	}

	@Test
	void payloadFormatOtherThan01Or10() {
		assertFailure("classpath:apigw/bad-version.yaml",
				"API Gateway spec classpath:apigw/bad-version.yaml, GET /users: payload_format_version '2.0' is "
						+ "not emulated.",
				"\"0.1\" (the default) or \"1.0\"");
	}

	@Test
	void missingSpecFile() {
		assertFailure("classpath:apigw/no-such-file.yaml",
				"API Gateway spec classpath:apigw/no-such-file.yaml cannot be read", "function-runtime.api-gateway.spec");
	}

	@Test
	void withoutASpecTheGatewayStaysOffAndTheApplicationsMapperIsItsOwn() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean("functionGatewayFilter");
			assertThat(context).hasSingleBean(JsonMapper.class);
			assertThat(context.getBeanNamesForType(com.fasterxml.jackson.databind.ObjectMapper.class)).isEmpty();
		});
	}

	private void assertFailure(String spec, String message, String fix) {
		this.runner.withPropertyValues("function-runtime.api-gateway.spec=" + spec).run((context) -> {
			assertThat(context).hasFailed();
			Throwable root = NestedExceptionUtils.getRootCause(context.getStartupFailure());
			assertThat(root).isInstanceOf(FunctionDefinitionException.class);
			assertThat(root.getMessage()).startsWith(message);
			assertThat(((FunctionDefinitionException) root).getAction()).contains(fix);
		});
	}

	static class EchoFunction {

		@FunctionHandler("echo.event")
		Map<String, Object> echo(Map<String, Object> event) {
			return Map.of("statusCode", 200);
		}

	}

}
