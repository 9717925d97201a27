package io.functionruntime.test;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import io.functionruntime.HttpEvent;
import io.functionruntime.TimerEvent;
import io.functionruntime.invoke.InvocationResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a {@link FunctionTestClient} does the same way in both modes; each mode's test
 * class runs these against its own application context.
 */
abstract class FunctionTestClientContract {

	/** The sample timer event of the documentation. */
	static final Path TIMER_SAMPLE = Path.of(System.getProperty("basedir", "."), "..", "docs", "events", "timer.json");

	@Autowired
	FunctionTestClient functions;

	JsonMapper jsonMapper = JsonMapper.shared();

	JsonNode event(FunctionResult result) {
		assertThat(result.status()).as(result.toString()).isEqualTo(200);
		return result.json().get("event");
	}

	@Test
	void callPassesQueryHeadersAndJsonBodyAsTheCloudsEvent() {
		JsonNode event = event(this.functions.call("echo.handler")
			.query("param", "one")
			.header("x-a", "1")
			.jsonBody(Map.of("hello", "world"))
			.send());
		assertThat(event.get("httpMethod").asString()).isEqualTo("POST");
		assertThat(event.get("queryStringParameters").toString()).isEqualTo("{\"param\":\"one\"}");
		assertThat(event.get("headers").get("X-A").asString()).isEqualTo("1");
		assertThat(event.get("headers").get("Content-Type").asString()).isEqualTo("application/json");
		assertThat(event.get("body").asString()).isEqualTo("{\"hello\":\"world\"}");
		assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
		assertThat(event.get("requestContext").get("identity").get("userAgent").asString())
			.isEqualTo("function-runtime-test");
	}

	@Test
	void jsonTextIsSentAsItIs() {
		JsonNode event = event(this.functions.call("echo.handler").jsonBody("{\"hello\": \"world\"}").send());
		assertThat(event.get("body").asString()).isEqualTo("{\"hello\": \"world\"}");
	}

	@Test
	void callWithoutABodyIsAGetWithAnEmptyBase64Body() {
		JsonNode event = event(this.functions.call("/echo.handler").send());
		assertThat(event.get("httpMethod").asString()).isEqualTo("GET");
		assertThat(event.get("body").asString()).isEmpty();
		assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
	}

	@Test
	void methodCanBeAnyToken() {
		assertThat(event(this.functions.call("echo.handler").method("PURGE").send()).get("httpMethod").asString())
			.isEqualTo("PURGE");
	}

	@Test
	void repeatedQueryParameterKeepsEveryValueAndSpacesSurvive() {
		JsonNode event = event(this.functions.call("echo.handler").query("tag", "a b").query("tag", "c&d").send());
		assertThat(event.get("multiValueQueryStringParameters").toString())
			.isEqualTo("{\"tag\":[\"a b\",\"c&d\"]}");
	}

	@Test
	void textBodyReachesTheHandlerAsBase64() {
		JsonNode event = event(this.functions.call("echo.handler").body("hi", "text/plain").send());
		assertThat(event.get("body").asString()).isEqualTo(Base64.getEncoder().encodeToString("hi".getBytes()));
		assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
	}

	@Test
	void resultCarriesTheHandlersStatusHeadersAndBody() {
		FunctionResult result = this.functions.call("teapot.handler").send();
		assertThat(result.status()).isEqualTo(418);
		assertThat(result.header("x-tea")).isEqualTo("green");
		assertThat(result.headers().get("X-Cups")).containsExactly("1", "2");
		assertThat(result.bodyText()).isEqualTo("short and stout");
		assertThat(result.bodyBytes()).isEqualTo("short and stout".getBytes());
		assertThat(result.isFunctionError()).isFalse();
		assertThat(result.error()).isNull();
	}

	@Test
	void resultCarriesTheRequestIdTheHandlerSaw() {
		FunctionResult result = this.functions.call("echo.handler").send();
		assertThat(result.requestId()).isNotEmpty()
			.isEqualTo(result.json().get("context").get("request_id").asString())
			.isEqualTo(event(result).get("requestContext").get("requestId").asString());
	}

	@Test
	void failedCallCarriesTheHandlersError() {
		FunctionResult result = this.functions.call("fail.handler").send();
		assertThat(result.status()).isEqualTo(502);
		assertThat(result.isFunctionError()).isTrue();
		FunctionError error = result.error();
		assertThat(error.errorType()).isEqualTo("IllegalStateException");
		assertThat(error.errorMessage()).isEqualTo("broken");
		assertThat(error.stackTrace()).isNotEmpty().last().asString().contains("KitFunctions$Functions.fail");
		assertThat(error.payload()).isNull();
	}

	@Test
	void runtimeErrorCarriesItsErrorBody() {
		FunctionResult result = this.functions.call("raw.handler").body("{\"n\":", "application/json").raw(true).send();
		assertThat(result.status()).isEqualTo(400);
		assertThat(result.isFunctionError()).isFalse();
		assertThat(result.error().errorType()).isEqualTo("BadRequest");
	}

	@Test
	void rawCallPassesTheBodyAndAnswersTheResultAsJson() {
		FunctionResult result = this.functions.call("raw.handler").jsonBody(Map.of("n", 1)).raw(true).send();
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.json().toString()).isEqualTo("{\"n\":1,\"seen\":true}");
	}

	@Test
	void eventFileReachesTheHandlerAsItIs() {
		FunctionResult result = this.functions.call("timer.handler").event(new FileSystemResource(TIMER_SAMPLE)).send();
		assertThat(result.status()).as(result.toString()).isEqualTo(200);
		assertThat(result.json()).isEqualTo(this.jsonMapper.readTree(TIMER_SAMPLE.toFile()));
	}

	@Test
	void missingEventFileIsNamed() {
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.functions.call("timer.handler").event(new ClassPathResource("events/none.json")))
			.withMessageContaining("class path resource [events/none.json]");
	}

	@Test
	void builtEventReachesTheHandlerAsItIs() {
		FunctionResult result = this.functions.call("timer.handler")
			.event(TimerEventBuilder.timer().triggerId("a1smine").payload("full").build())
			.send();
		JsonNode details = result.json().get("messages").get(0).get("details");
		assertThat(details.get("trigger_id").asString()).isEqualTo("a1smine");
		assertThat(details.get("payload").asString()).isEqualTo("full");
	}

	@Test
	void httpEventFromABuilderReachesAnHttpHandlerAsItIs() {
		HttpEvent sent = HttpEventBuilder.get().path("/users/{id}").pathParam("id", "42").build();
		JsonNode event = this.functions.call("echo.handler").event(sent).send().json().get("body");
		assertThat(this.jsonMapper.readTree(event.asString()).get("event").get("pathParams").get("id").asString())
			.isEqualTo("42");
	}

	@Test
	void firedTimerCallsItsFunctionWithTheTriggersEvent() {
		InvocationResult result = this.functions.fireTimer("nightly");
		assertThat(result).isInstanceOf(InvocationResult.Success.class);
		TimerEvent.Message message = ((TimerEvent) ((InvocationResult.Success) result).value()).messages().get(0);
		assertThat(message.details()).isEqualTo(new TimerEvent.Details("a1stestnightly000001", "{\"kind\": \"full\"}"));
		assertThat(message.eventMetadata().eventType()).isEqualTo(TimerEvent.EVENT_TYPE);
	}

	@Test
	void timerFiresByItsTriggerIdToo() {
		assertThat(this.functions.fireTimer("a1stestnightly000001")).isInstanceOf(InvocationResult.Success.class);
	}

	@Test
	void firedTimerWhoseFunctionFailsEndsInItsFailure() {
		InvocationResult result = this.functions.fireTimer("broken");
		assertThat(result).isInstanceOfSatisfying(InvocationResult.Failure.class,
				(failure) -> assertThat(failure.error()).hasMessage("broken"));
	}

	@Test
	void unknownTimerIsRefusedNamingTheTimers() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.functions.fireTimer("weekly"))
			.withMessageContaining("'weekly'")
			.withMessageContaining("[nightly, broken]");
	}

	@Test
	void resetInstancesGivesTheNextCallAFreshHandler() {
		this.functions.resetInstances("counter.handler");
		assertThat(this.functions.call("counter.handler").send().bodyText()).isEqualTo("1");
		assertThat(this.functions.call("counter.handler").send().bodyText()).isEqualTo("2");
		this.functions.resetInstances("counter.handler");
		assertThat(this.functions.call("counter.handler").send().bodyText()).isEqualTo("1");
	}

	@Test
	void resetInstancesProvisionsAgainAtOnce() {
		int created = KitFunctions.Counter.created.get();
		this.functions.resetInstances("/counter.handler");
		assertThat(KitFunctions.Counter.created.get()).isEqualTo(created + 1);
	}

	@Test
	void resetOfASingletonHandlerNamesTheFix() {
		assertThatIllegalStateException().isThrownBy(() -> this.functions.resetInstances("echo.handler"))
			.withMessageContaining("singleton")
			.withMessageContaining("@Scope(\"prototype\")");
	}

	@Test
	void resetOfAnUnknownFunctionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.functions.resetInstances("nope.handler"))
			.withMessageContaining("'nope.handler'");
	}

}
