package io.functionruntime.host;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.functionruntime.http.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter takes the routes of its functions and nothing else: an application's static
 * files, welcome page, controllers, functional routes and error handling answer exactly as
 * they would without it.
 */
@HostTest
class HostApplicationTests {

	private static final String EMPTY_DIGEST = "0 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	@Autowired
	TestHttp http;

	@Test
	void staticFilesAreServed() {
		HttpResponse<byte[]> css = this.http.get("/app.css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type)
			.startsWith("text/css"));
		assertThat(TestHttp.text(css)).isEqualTo("body { color: teal; }\n");
		assertThat(TestHttp.text(this.http.get("/index.html"))).contains("welcome");
	}

	@Test
	void welcomePageIsServedAtTheRootWithoutADefaultFunction() {
		HttpResponse<byte[]> root = this.http.send("GET", "/", null, null, "Accept", "text/html");
		assertThat(root.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(root)).contains("welcome");
	}

	@Test
	void ownControllerAnswers() {
		HttpResponse<byte[]> response = this.http.get("/hello");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("hello");
		assertThat(response.headers().firstValue("X-Request-Id")).isEmpty();
	}

	@Test
	void ownControllerFailureIsSpringBootsErrorResponse() {
		HttpResponse<byte[]> response = this.http.get("/boom");
		assertThat(response.statusCode()).isEqualTo(500);
		JsonNode body = TestHttp.json(response);
		assertThat(body.get("error").asString()).isEqualTo("Internal Server Error");
		assertThat(body.get("path").asString()).isEqualTo("/boom");
		assertThat(body.has("errorType")).isFalse();
		assertThat(response.headers().firstValue("X-Request-Id")).isEmpty();
	}

	@Test
	void unknownPathIsSpringBootsNotFound() {
		HttpResponse<byte[]> response = this.http.get("/nothing.here");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(TestHttp.json(response).get("path").asString()).isEqualTo("/nothing.here");
		assertThat(TestHttp.json(response).has("errorType")).isFalse();
	}

	@Test
	void functionalRouteAnswers() {
		assertThat(TestHttp.text(this.http.get("/routed"))).isEqualTo("routed");
	}

	@Test
	void multipartControllerReceivesItsFile() {
		String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n";
		HttpResponse<byte[]> response = this.http.send("POST", "/upload", "multipart/form-data; boundary=XyZ",
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("a.txt:5");
	}

	@Test
	void putFormControllerReadsItsField() {
		HttpResponse<byte[]> response = this.http.send("PUT", "/form", "application/x-www-form-urlencoded",
				"a=b%20c".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("a=b c");
	}

	@Test
	void functionAnswersBesideTheApplication() {
		HttpResponse<byte[]> response = this.http.send("PUT", "/body.digest", "application/x-www-form-urlencoded",
				"a=b".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).startsWith("3 ");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void malformedFormBodyReachesTheFunction() {
		HttpResponse<byte[]> response = this.http.send("PATCH", "/body.digest", "application/x-www-form-urlencoded",
				"a=%zz".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response))
			.isEqualTo("5 " + HostApplication.sha256("a=%zz".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void corsPreflightReachesTheFunction() {
		int before = HostApplication.BodyFunctions.calls.get();
		HttpResponse<byte[]> response = this.http.send("OPTIONS", "/body.digest", null, null, "Origin",
				"http://localhost:3000", "Access-Control-Request-Method", "POST");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo(EMPTY_DIGEST);
		assertThat(HostApplication.BodyFunctions.calls.get()).isEqualTo(before + 1);
	}

	@Test
	void traceOnAFunctionRouteIsTheRuntimesJsonError() {
		HttpResponse<byte[]> response = this.http.send("TRACE", "/body.digest", null, null);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(TestHttp.json(response).get("errorType").asString()).isEqualTo("MethodNotAllowed");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void bodyReadByAFilterBeforeTheRuntimeFailsLoudly() {
		int before = HostApplication.BodyFunctions.calls.get();
		HttpResponse<byte[]> response = this.http.send("POST", "/body.digest", "application/x-www-form-urlencoded",
				"a=b".getBytes(StandardCharsets.UTF_8), HostApplication.ParameterReadingFilter.HEADER, "true");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(TestHttp.json(response).get("errorType").asString()).isEqualTo("InternalError");
		assertThat(HostApplication.BodyFunctions.calls.get()).isEqualTo(before);
	}

}
