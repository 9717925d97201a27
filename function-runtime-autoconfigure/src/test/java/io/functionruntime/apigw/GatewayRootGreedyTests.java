package io.functionruntime.apigw;

import java.net.http.HttpResponse;

import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static io.functionruntime.http.TestHttp.json;
import static io.functionruntime.http.TestHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spec whose only path is a root greedy parameter names every path, the application's
 * own included, over real HTTP; the runtime's direct routes stay direct calls.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "function-runtime.api-gateway.spec=classpath:apigw/root-greedy.yaml")
@ActiveProfiles("apigw")
@Import(TestHttpConfiguration.class)
class GatewayRootGreedyTests {

	@Autowired
	TestHttp http;

	@Test
	void everyPathIsTheGateways() {
		JsonNode event = event(this.http.get("/own/hello"));
		assertThat(event.get("path").asString()).isEqualTo("/{proxy+}");
		assertThat(event.get("pathParams").get("proxy").asString()).isEqualTo("own/hello");
	}

	@Test
	void directRoutesStayDirectCalls() {
		assertThat(event(this.http.get("/echo.event")).get("path").asString()).isEmpty();
		assertThat(event(this.http.get("/d4eechofunction00001")).get("path").asString()).isEmpty();
	}

	private static JsonNode event(HttpResponse<byte[]> response) {
		assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
		return json(response);
	}

}
