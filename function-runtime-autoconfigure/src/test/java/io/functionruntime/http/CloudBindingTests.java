package io.functionruntime.http;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events and results bound as the cloud's Java runtime binds them: through fields of any
 * visibility, with defaults for missing fields, and scalar types ({@link BindingFunctions}).
 */
@HttpTest
@ExtendWith(OutputCaptureExtension.class)
class CloudBindingTests {

	private static final String WARNING = "returned a io.functionruntime.http.BindingFunctions$Greeting with none of "
			+ "the response fields";

	@Autowired
	TestHttp http;

	@Test
	void quickStartBindsPackagePrivateFieldsAndAnswersWithPrivateFinalFields() {
		HttpResponse<byte[]> response = this.http.postJson("/quickstart.handler?name=Alice", "{\"a\":1}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("Hello, Alice! (POST, {\"a\":1})");
	}

	@Test
	void missingFieldsBindToTheirDefaultsAndUnknownFieldsAreIgnored() {
		HttpResponse<byte[]> response = this.http.postJson("/binding.line?integration=raw",
				"{\"item\":\"tea\",\"colour\":\"green\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.json(response))
			.isEqualTo(TestHttp.JSON.readTree("{\"item\":\"tea\",\"quantity\":0,\"gift\":false,\"sizes\":null}"));
	}

	@Test
	void missingIntOfARecordBindsToZero() {
		HttpResponse<byte[]> response = this.http.postJson("/identity.order?integration=raw", "{\"item\":\"tea\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("{\"item\":\"tea\",\"quantity\":0}");
	}

	@Test
	void rawNumberBindsToAnIntegerAndABooleanResultIsWrittenAsJson() {
		HttpResponse<byte[]> odd = this.http.postJson("/binding.even?integration=raw", "41");
		HttpResponse<byte[]> even = this.http.postJson("/binding.even?integration=raw", "42");
		assertThat(odd.statusCode()).isEqualTo(200);
		assertThat(odd.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(TestHttp.text(odd)).isEqualTo("false");
		assertThat(TestHttp.text(even)).isEqualTo("true");
	}

	@Test
	void rawBytesToAnIntegerAnswersTheNumber() {
		HttpResponse<byte[]> response = this.http.send("POST", "/binding.length?integration=raw",
				"application/octet-stream", "hello".getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("5");
	}

	@Test
	void rawArrayBindsToAnIntArrayAndAPrimitiveResultIsWrittenAsJson() {
		HttpResponse<byte[]> response = this.http.postJson("/binding.sum?integration=raw", "[1, 2, 3]");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.text(response)).isEqualTo("6");
	}

	@Test
	void stringWhereAnIntFieldIsExpectedNamesTheFieldTheTypeAndThePosition() {
		HttpResponse<byte[]> response = this.http.postJson("/binding.line?integration=raw",
				"{\"item\":\"tea\",\"quantity\":\"abc\"}");
		assertThat(TestHttp.errorBody(response, 400, "BadRequest").get("errorMessage").asString()).isEqualTo(
				"The request body does not fit the function's event type: field 'quantity' must be an integer, found a"
						+ " string at line 1, column 26");
	}

	@Test
	void stringInAnIntArrayFieldNamesTheElement() {
		HttpResponse<byte[]> response = this.http.postJson("/binding.line?integration=raw", "{\"sizes\":[1,\"x\"]}");
		assertThat(TestHttp.errorBody(response, 400, "BadRequest").get("errorMessage").asString()).isEqualTo(
				"The request body does not fit the function's event type: field 'sizes[1]' must be an integer, found a"
						+ " string at line 1, column 13");
	}

	@Test
	void stringInATopLevelArrayNamesTheElement() {
		HttpResponse<byte[]> response = this.http.postJson("/binding.sum?integration=raw", "[1,\"x\"]");
		assertThat(TestHttp.errorBody(response, 400, "BadRequest").get("errorMessage").asString()).isEqualTo(
				"The request body does not fit the function's event type: element [1] must be an integer, found a"
						+ " string at line 1, column 4");
	}

	@Test
	void httpEventToAnIntegerHandlerIsABadRequestNamingTheType() {
		HttpResponse<byte[]> response = this.http.postJson("/binding.even", "41");
		assertThat(TestHttp.errorBody(response, 400, "BadRequest").get("errorMessage").asString()).isEqualTo(
				"The event does not fit the function's event type: the value must be an integer, found an object");
	}

	@Test
	void scalarResultInHttpModeIsAMalformedResponse() {
		HttpResponse<byte[]> response = this.http.get("/binding.answer");
		assertThat(TestHttp.errorBody(response, 502, "ProxyIntegrationError").get("payload").asString())
			.isEqualTo("42");
	}

	@Test
	void contextResultKeepsItsOwnKeys() {
		HttpResponse<byte[]> response = this.http.postJson("/binding.context?integration=raw", "{}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.json(response).propertyNames()).containsExactly("aws_request_id", "deadline_ms",
				"function_folder_id", "function_name", "function_version", "invoked_function_arn", "log_group_name",
				"log_stream_name", "memory_limit_in_mb", "request_id", "token");
	}

	@Test
	void resultWithoutResponseFieldsAnswersAnEmpty200AndWarnsOncePerFunction(CapturedOutput output) {
		HttpResponse<byte[]> first = this.http.get("/binding.silent");
		HttpResponse<byte[]> second = this.http.get("/binding.silent");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEmpty();
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEmpty();
		assertThat(output.getOut().split(Pattern.quote(WARNING), -1)).hasSize(2);
		assertThat(output.getOut()).contains("Function 'binding.silent' " + WARNING)
			.contains("Map.of(\"statusCode\", 200, \"body\", json) or HttpResponse.of(200, json)");
	}

}
