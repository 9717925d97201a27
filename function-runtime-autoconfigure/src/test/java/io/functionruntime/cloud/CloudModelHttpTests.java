package io.functionruntime.cloud;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cloud's published Java examples, loaded by class name without any annotation, run
 * over real HTTP in both modes: a {@code Function}, a {@code YcFunction}, a failing
 * {@code Function}, a servlet and the Spring Boot model.
 */
@SpringBootTest(classes = CloudModelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "function-runtime.classes=io.functionruntime.cloud.QuickStartHandler, "
				+ "io.functionruntime.cloud.EvenOddHandler,io.functionruntime.cloud.FailingHandler,"
				+ "io.functionruntime.cloud.ContextReportHandler,"
				+ "io.functionruntime.cloud.GreetingServlet,io.functionruntime.cloud.ShoutFunction",
				"function-runtime.spring-boot-function=io.functionruntime.cloud.Application",
				"function-runtime.functions[io.functionruntime.cloud.QuickStartHandler].id=d4equickstart0000001",
				"function-runtime.functions[io.functionruntime.cloud.GreetingServlet].memory-limit=256MB",
				"function-runtime.functions[io.functionruntime.cloud.GreetingServlet].id=d4egreetingservlet01",
				"function-runtime.functions[io.functionruntime.cloud.ContextReportHandler].id=d4econtextreport0001" })
@Import(TestHttpConfiguration.class)
class CloudModelHttpTests {

	private static final String SERVLET = "/io.functionruntime.cloud.GreetingServlet";

	private static final String FORM = "application/x-www-form-urlencoded";

	@Autowired
	private TestHttp http;

	@Autowired
	private DispatcherServlet dispatcherServlet;

	@Test
	void functionClassIsCalledAtItsClassNameWithTheEventBound() {
		HttpResponse<byte[]> response = this.http.postJson("/io.functionruntime.cloud.QuickStartHandler", "cloud");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("POST, cloud!");
	}

	@Test
	void functionClassIsCalledAtItsConfiguredIdInRawMode() {
		JsonNode response = TestHttp
			.json(this.http.postJson("/d4equickstart0000001?integration=raw",
				"{\"httpMethod\":\"PATCH\",\"body\":\"raw\"}"));

		assertThat(response.get("statusCode").asInt()).isEqualTo(200);
		assertThat(response.get("body").asString()).isEqualTo("PATCH, raw!");
	}

	@Test
	void quickStartBindsPackagePrivateFieldsAndAnswersWithPrivateFinalFields() {
		HttpResponse<byte[]> response = this.http.get("/io.functionruntime.cloud.QuickStartHandler?name=Alice");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("GET, Alice!");
	}

	@Test
	void ycFunctionGetsTheSdkContextInRawMode() {
		HttpResponse<byte[]> response = this.http
			.postJson("/io.functionruntime.cloud.ContextReportHandler?integration=raw", "{\"value\":42}");
		JsonNode report = TestHttp.json(response);
		assertThat(report.get("requestId").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(report.get("functionName").asString()).isEqualTo("d4econtextreport0001");
		assertThat(report.get("memoryLimit").asInt()).isEqualTo(128);
		assertThat(report.get("event").get("value").asInt()).isEqualTo(42);
	}

	@Test
	void evenOddYcFunctionAnswersABooleanInRawMode() {
		String path = "/io.functionruntime.cloud.EvenOddHandler?integration=raw";
		assertThat(TestHttp.text(this.http.postJson(path, "42"))).isEqualTo("true");
		assertThat(TestHttp.text(this.http.postJson(path, "41"))).isEqualTo("false");
	}

	@Test
	void exceptionOfAFunctionClassIsA502NamingItsClass() {
		JsonNode body = TestHttp.errorBody(
				this.http.postJson("/io.functionruntime.cloud.FailingHandler?integration=raw", "{}"), 502,
				"UnsupportedOperationException");

		assertThat(body.get("errorMessage").asString()).startsWith("nothing to do with ");
	}

	@Test
	void functionBeanListedByNameIsTheBeanItself() {
		HttpResponse<byte[]> response = this.http.send("DELETE", "/io.functionruntime.cloud.ShoutFunction", null,
				null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("DELETE!");
	}

	@Test
	void servletGetReadsTheContextHeadersAndTheQuery() {
		HttpResponse<byte[]> response = this.http.get(SERVLET + "?name=Ann");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
		assertThat(response.headers().firstValue("X-Servlet-Name")).hasValue(SERVLET.substring(1));
		assertThat(TestHttp.text(response)).isEqualTo("d4egreetingservlet01 256 "
				+ response.headers().firstValue("X-Request-Id").orElseThrow() + " Ann 1 true");
	}

	@Test
	void servletIsInitialisedOncePerInstance() {
		this.http.get(SERVLET + "?name=first");

		assertThat(TestHttp.text(this.http.get(SERVLET + "?name=second"))).endsWith(" second 1 true");
	}

	@Test
	void servletPostReadsAFormParameter() {
		HttpResponse<byte[]> response = this.http.send("POST", SERVLET, FORM,
				"name=%D0%90%D0%BD%D1%8F".getBytes(StandardCharsets.US_ASCII));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(TestHttp.text(response)).isEqualTo("Привет, Аня");
	}

	@Test
	void servletSendErrorIsItsStatusAndMessage() {
		HttpResponse<byte[]> response = this.http.send("POST", SERVLET, FORM, "other=1".getBytes(StandardCharsets.US_ASCII));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(TestHttp.text(response)).isEqualTo("name is missing");
	}

	@Test
	void servletRedirectIsAFoundWithItsLocation() {
		HttpResponse<byte[]> response = this.http.send("POST", SERVLET, FORM,
				"name=a&redirect=1".getBytes(StandardCharsets.US_ASCII));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/elsewhere");
	}

	@Test
	void methodTheServletDoesNotImplementIsItsOwn405() {
		HttpResponse<byte[]> response = this.http.send("PUT", SERVLET, FORM, "name=a".getBytes(StandardCharsets.US_ASCII));

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(TestHttp.text(response)).isEqualTo("HTTP method PUT is not supported by this URL");
	}

	@Test
	void servletInRawModeGetsTheProxyEventAndAnswersTheProxyResponse() {
		JsonNode response = TestHttp.json(this.http.postJson(SERVLET + "?integration=raw",
				"{\"httpMethod\":\"GET\",\"url\":\"/?name=Raw\",\"headers\":{},\"body\":\"\",\"isBase64Encoded\":false}"));

		assertThat(response.get("statusCode").asInt()).isEqualTo(200);
		assertThat(response.get("isBase64Encoded").asBoolean()).isTrue();
		assertThat(response.get("multiValueHeaders").get("Content-Type").get(0).asString())
			.isEqualTo("text/plain;charset=UTF-8");
		assertThat(decoded(response)).endsWith(" Raw 1 true");
	}

	@Test
	void springBootModelDispatchesARawEventIntoTheApplicationsController() {
		JsonNode response = TestHttp.json(this.http.postJson("/io.functionruntime.cloud.Application?integration=raw",
				"{\"httpMethod\":\"GET\",\"url\":\"/get/Anonymous\",\"requestContext\":{},\"body\":\"\","
						+ "\"isBase64Encoded\":false}"));

		assertThat(response.get("statusCode").asInt()).isEqualTo(200);
		assertThat(response.get("multiValueHeaders").get("Content-Type").get(0).asString())
			.isEqualTo("application/json");
		assertThat(decoded(response)).isEqualTo("{\"message\":\"Hello, Anonymous\"}");
	}

	@Test
	void springBootModelLeavesInitialisingTheDispatcherToTheContainer() {
		assertThat(this.dispatcherServlet.getServletConfig().getServletName()).isEqualTo("dispatcherServlet");
	}

	@Test
	void springBootModelAnswersAnUnknownPathWithTheApplications404() {
		JsonNode response = TestHttp.json(this.http.postJson("/io.functionruntime.cloud.Application?integration=raw",
				"{\"httpMethod\":\"GET\",\"path\":\"/nope\",\"body\":\"\",\"isBase64Encoded\":false}"));

		assertThat(response.get("statusCode").asInt()).isEqualTo(404);
	}

	private static String decoded(JsonNode response) {
		return new String(Base64.getDecoder().decode(response.get("body").asString()), StandardCharsets.UTF_8);
	}

}
