package io.functionruntime.http;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.functionruntime.autoconfigure.FunctionRuntimeAutoConfiguration;
import io.functionruntime.token.TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code function-runtime.token.source=metadata} end to end: the token reaches every
 * call's context, a hundred parallel calls cost no extra fetch, and an absurd answer does
 * not keep the application from starting.
 */
@HttpTest(properties = { "function-runtime.token.source=metadata",
		"function-runtime.functions[echo.event].requests-limit=100" })
class MetadataTokenTests {

	private static final String PATH = "/computeMetadata/v1/instance/service-accounts/default/token";

	private static final WireMockServer metadata = startMetadataService();

	@Autowired
	TestHttp http;

	private static WireMockServer startMetadataService() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
		server.stubFor(get(urlEqualTo(PATH)).withHeader("Metadata-Flavor", equalTo("Google"))
			.willReturn(okJson("{\"access_token\":\"iam-from-metadata\",\"expires_in\":42299,\"token_type\":\"Bearer\"}")));
		return server;
	}

	@DynamicPropertySource
	static void metadataUrl(DynamicPropertyRegistry registry) {
		registry.add("function-runtime.token.metadata-url", metadata::baseUrl);
	}

	@AfterAll
	static void stopMetadataService() {
		metadata.stop();
	}

	@Test
	void hundredParallelCallsAllCarryTheTokenAndCauseAtMostOneFetch() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(20);
		try {
			List<Future<HttpResponse<byte[]>>> calls = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				calls.add(clients.submit(() -> this.http.get("/echo.event")));
			}
			for (Future<HttpResponse<byte[]>> call : calls) {
				JsonNode context = TestHttp.json(call.get()).get("context");
				assertThat(context.get("token").get("access_token").asString()).isEqualTo("iam-from-metadata");
				assertThat(context.get("token").get("expires_in").asLong()).isBetween(42000L, 42299L);
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(metadata.countRequestsMatching(getRequestedFor(urlEqualTo(PATH)).build()).getCount())
			.isLessThanOrEqualTo(1);
	}

	@Test
	void applicationStartsWhenTheServiceAnswersAnAbsurdLifetimeAndTheTokenLastsTwelveHours() {
		WireMockServer absurd = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		absurd.start();
		try {
			absurd.stubFor(get(urlEqualTo(PATH))
				.willReturn(okJson("{\"access_token\":\"absurd\",\"expires_in\":1000000000000000000,\"token_type\":\"Bearer\"}")));
			new WebApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(JacksonAutoConfiguration.class, FunctionRuntimeAutoConfiguration.class))
				.withPropertyValues("function-runtime.token.source=metadata",
						"function-runtime.token.metadata-url=" + absurd.baseUrl())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(TokenProvider.class).currentToken().expiresIn()).isEqualTo(43200);
				});
		}
		finally {
			absurd.stop();
		}
	}

}
