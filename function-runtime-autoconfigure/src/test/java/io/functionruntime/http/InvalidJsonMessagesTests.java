package io.functionruntime.http;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body the runtime cannot read as the handler's event is a 400 whose message says what
 * is wrong in the client's terms, where it is, and nothing of the JSON parser inside.
 */
@HttpTest
class InvalidJsonMessagesTests {

	@Autowired
	TestHttp http;

	private String errorMessage(String path, String body) {
		HttpResponse<byte[]> response = this.http.postJson(path, body);
		return TestHttp.errorBody(response, 400, "BadRequest").get("errorMessage").asString();
	}

	@Test
	void missingValueNamesTheUnexpectedCharacterAndWhereItIs() {
		assertThat(errorMessage("/identity.map?integration=raw", "{\"a\":}")).isEqualTo(
				"The request body is not valid JSON: unexpected character '}' at line 1, column 6: expected a value");
	}

	@Test
	void unclosedObjectIsAnUnexpectedEndOfInput() {
		assertThat(errorMessage("/identity.map?integration=raw", "{\"a\":1")).isEqualTo("The request body is not valid"
				+ " JSON: unexpected end of input at line 1, column 7: expected '}' to close the object");
	}

	@Test
	void unclosedArrayIsAnUnexpectedEndOfInput() {
		assertThat(errorMessage("/identity.tree?integration=raw", "[1,2")).isEqualTo("The request body is not valid"
				+ " JSON: unexpected end of input at line 1, column 5: expected ']' to close the array");
	}

	@Test
	void misspelledLiteralIsAnUnrecognizedToken() {
		assertThat(errorMessage("/identity.map?integration=raw", "nul")).isEqualTo("The request body is not valid"
				+ " JSON: unrecognized token 'nul' at line 1, column 1: expected a JSON value (a string, number, array,"
				+ " object, true, false or null)");
	}

	@Test
	void controlCharacterInAStringIsNamedByItsCodePoint() {
		assertThat(errorMessage("/identity.map?integration=raw", "{\"a\":\"x\u0001\"}")).isEqualTo(
				"The request body is not valid JSON: illegal unquoted character (control character U+0001) at line 1,"
						+ " column 8: has to be escaped using backslash to be included in string value");
	}

	@Test
	void loneClosingBraceHasNothingToClose() {
		assertThat(errorMessage("/identity.map?integration=raw", "}")).isEqualTo(
				"The request body is not valid JSON: unexpected close marker '}' at line 1, column 1: no open object to close");
	}

	@Test
	void lineAndColumnCountLines() {
		assertThat(errorMessage("/identity.tree?integration=raw", "{\"a\": \"x\",\n\"b\": [1,\n 2 3]}")).isEqualTo(
				"The request body is not valid JSON: unexpected character '3' at line 3, column 4: expected comma to"
						+ " separate array entries");
	}

	@Test
	void unknownEscapeNamesTheCharacterWithoutItsCode() {
		assertThat(errorMessage("/identity.map?integration=raw", "{\"a\":\"\\q\"}")).isEqualTo(
				"The request body is not valid JSON: unrecognized character escape 'q' at line 1, column 8");
	}

	@Test
	void emptyBodySaysThereIsNoValue() {
		assertThat(errorMessage("/identity.map?integration=raw", "")).isEqualTo(
				"The request body is not valid JSON: there is no JSON value, the input is empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"a\":}", "{\"a\":1", "nul", "[1,2", "{\"a\":\"x\u0001\"}", "}", "\u0007", "{\"a\" 1}",
			"{\"a\":01}", "{\"a\":\"\\q\"}", "{\"a\":1,}", "\"abc", "{\"a\":1}x", "{'a':1}" })
	void malformedBodyMessageHasALocationAndNoParserInternals(String body) {
		String message = errorMessage("/identity.tree?integration=raw", body);
		assertThat(message).startsWith("The request body is not valid JSON: ").contains("line 1, column ");
		assertThat(message).doesNotContain("tools.jackson", "StreamReadFeature", "JsonParser", "Source:", "REDACTED",
				"JsonToken", "`", "(code ");
	}

	@Test
	void tooDeeplyNestedBodyNamesTheLimitNotTheParser() {
		assertThat(errorMessage("/identity.tree?integration=raw", "[".repeat(1000) + "]".repeat(1000))).isEqualTo(
				"The request body is beyond the limits of the JSON parser: document nesting depth (501) exceeds the"
						+ " maximum allowed (500)");
	}

	@Test
	void stringWhereAnIntegerIsExpectedNamesTheFieldAndTheType() {
		assertThat(errorMessage("/identity.order?integration=raw", "{\"item\":\"tea\",\"quantity\":\"two\"}"))
			.isEqualTo("The request body does not fit the function's event type: field 'quantity' must be an integer,"
					+ " found a string at line 1, column 26");
	}

	@Test
	void numberTooLargeForTheFieldIsOutOfRange() {
		assertThat(errorMessage("/identity.order?integration=raw", "{\"quantity\":99999999999}")).isEqualTo(
				"The request body does not fit the function's event type: field 'quantity' must be an integer, found a"
						+ " number out of its range at line 1, column 24");
	}

	@Test
	void arrayWhereAnObjectIsExpectedNamesBoth() {
		assertThat(errorMessage("/identity.map?integration=raw", "[1,2]")).isEqualTo(
				"The request body does not fit the function's event type: the value must be an object, found an array at"
						+ " line 1, column 1");
	}

	@Test
	void httpEventThatDoesNotFitAPojoNamesTheField() {
		assertThat(errorMessage("/echo.number", "\"not a number\"")).isEqualTo(
				"The event does not fit the function's event type: field 'body' must be an integer, found a string");
	}

}
