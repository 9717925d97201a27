package io.functionruntime.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * A handler result read as the HTTP response (SPEC §6). JSON is written with single
 * quotes for readability.
 */
class ProxyResponseTests {

	@Test
	void resultWithoutStatusCodeIsOk() {
		assertThat(read("{}").status()).isEqualTo(200);
	}

	@Test
	void resultWithNullStatusCodeIsOk() {
		assertThat(read("{'statusCode':null}").status()).isEqualTo(200);
	}

	@Test
	void resultWithoutBodyHasAnEmptyBody() {
		assertThat(read("{'statusCode':204}").body()).isEmpty();
	}

	@Test
	void resultWithNullBodyHasAnEmptyBody() {
		assertThat(read("{'body':null}").body()).isEmpty();
	}

	@Test
	void resultWithoutHeadersHasNoHeaders() {
		assertThat(read("{}").headers()).isEmpty();
	}

	@Test
	void statusCodeIsTaken() {
		assertThat(read("{'statusCode':201}").status()).isEqualTo(201);
	}

	@Test
	void lowestAndHighestStatusCodesAreAccepted() {
		assertThat(read("{'statusCode':200}").status()).isEqualTo(200);
		assertThat(read("{'statusCode':599}").status()).isEqualTo(599);
	}

	@Test
	void informationalStatusCodeIsMalformed() {
		assertMalformed("{'statusCode':100}", "'statusCode' 100 is informational and cannot end a response; the client would wait forever");
	}

	@Test
	void statusCodeBelowOneHundredIsMalformed() {
		assertMalformed("{'statusCode':99}", "'statusCode' is not an integer from 100 to 599");
	}

	@Test
	void statusCodeAboveFiveHundredNinetyNineIsMalformed() {
		assertMalformed("{'statusCode':600}", "'statusCode' is not an integer from 100 to 599");
	}

	@Test
	void fractionalStatusCodeIsMalformed() {
		assertMalformed("{'statusCode':200.5}", "'statusCode' is not an integer from 100 to 599");
	}

	@Test
	void statusCodeAsStringIsMalformed() {
		assertMalformed("{'statusCode':'200'}", "'statusCode' is not an integer from 100 to 599");
	}

	@Test
	void statusCodeThatOverflowsAnIntIsMalformed() {
		assertMalformed("{'statusCode':4294967496}", "'statusCode' is not an integer from 100 to 599");
	}

	@Test
	void textBodyIsWrittenAsUtf8() {
		assertThat(read("{'body':'\u043f\u0440\u0438'}").body())
			.isEqualTo("\u043f\u0440\u0438".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void base64BodyIsDecoded() {
		assertThat(read("{'body':'AAEC/w==','isBase64Encoded':true}").body()).containsExactly(0, 1, 2, 0xff);
	}

	@Test
	void bodyNotMarkedBase64IsWrittenAsIs() {
		assertThat(read("{'body':'aGk=','isBase64Encoded':false}").body())
			.isEqualTo("aGk=".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void invalidBase64BodyIsMalformed() {
		assertThatExceptionOfType(MalformedResponseException.class)
			.isThrownBy(() -> read("{'body':'not base64!','isBase64Encoded':true}"))
			.withMessageStartingWith("'body' is not valid Base64: ");
	}

	@Test
	void bodyThatIsANumberIsMalformed() {
		assertMalformed("{'body':42}", "'body' is not a string");
	}

	@Test
	void bodyThatIsAnObjectIsMalformed() {
		assertMalformed("{'body':{'a':1}}", "'body' is not a string");
	}

	@Test
	void headerHasItsValue() {
		assertThat(read("{'headers':{'X-A':'1'}}").headers()).containsExactly(entry("X-A", List.of("1")));
	}

	@Test
	void multiValueHeaderKeepsItsValuesInOrder() {
		assertThat(read("{'multiValueHeaders':{'Set-Cookie':['b=2','a=1']}}").headers())
			.containsExactly(entry("Set-Cookie", List.of("b=2", "a=1")));
	}

	@Test
	void multiValueHeadersWinOverHeadersForTheSameName() {
		assertThat(read("{'headers':{'X-A':'1','X-B':'b'},'multiValueHeaders':{'X-A':['2','3']}}").headers())
			.containsOnly(entry("X-A", List.of("2", "3")), entry("X-B", List.of("b")));
	}

	@Test
	void multiValueHeadersWinOverHeadersWrittenInAnotherCase() {
		assertThat(read("{'headers':{'x-a':'1'},'multiValueHeaders':{'X-A':['2']}}").headers())
			.containsExactly(entry("X-A", List.of("2")));
	}

	@Test
	void multiValueHeadersWinEvenWhenWrittenBeforeHeaders() {
		assertThat(read("{'multiValueHeaders':{'x-a':['2']},'headers':{'X-A':'1'}}").headers())
			.containsExactly(entry("X-A", List.of("2")));
	}

	@Test
	void lowerCaseHeaderNamesComeOutCanonical() {
		assertThat(read("{'headers':{'content-type':'text/plain'},'multiValueHeaders':{'x-multi-value':['v']}}")
			.headers()).containsExactly(entry("Content-Type", List.of("text/plain")),
					entry("X-Multi-Value", List.of("v")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Host", "Authorization", "User-Agent", "Connection", "Max-Forwards", "Cookie",
			"X-Request-Id", "X-Function-Id", "X-Function-Version-Id", "X-Content-Type-Options",
			"X-Function-Error" })
	void droppedHeaderIsGone(String name) {
		assertThat(read("{'headers':{'" + name + "':'v','X-Kept':'k'}}").headers())
			.containsExactly(entry("X-Kept", List.of("k")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "host", "x-request-id", "COOKIE" })
	void droppedHeaderIsGoneInAnyCase(String name) {
		assertThat(read("{'headers':{'" + name + "':'v'}}").headers()).isEmpty();
	}

	@Test
	void droppedMultiValueHeaderIsGone() {
		assertThat(read("{'multiValueHeaders':{'X-Function-Id':['a','b']}}").headers()).isEmpty();
	}

	@Test
	void contentLengthFromTheFunctionIsDropped() {
		assertThat(read("{'headers':{'Content-Length':'999'}}").headers()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Content-Md5", "Date", "Server", "Www-Authenticate" })
	void remappedHeaderIsRenamedWithTheCloudsPrefix(String name) {
		assertThat(read("{'headers':{'" + name + "':'v'}}").headers())
			.containsExactly(entry("X-Yf-Remapped-" + name, List.of("v")));
	}

	@Test
	void remappedHeaderIsRenamedInItsCanonicalForm() {
		assertThat(read("{'headers':{'content-md5':'abc','WWW-AUTHENTICATE':'Basic'}}").headers()).containsExactly(
				entry("X-Yf-Remapped-Content-Md5", List.of("abc")),
				entry("X-Yf-Remapped-Www-Authenticate", List.of("Basic")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Proxy-Authenticate", "Transfer-Encoding", "Via" })
	void forbiddenHeaderIsMalformed(String name) {
		assertMalformed("{'headers':{'" + name + "':'v'}}", "header '" + name + "' may not be set by a function");
	}

	@Test
	void forbiddenHeaderInAnotherCaseIsMalformed() {
		assertMalformed("{'headers':{'transfer-encoding':'chunked'}}",
				"header 'Transfer-Encoding' may not be set by a function");
	}

	@Test
	void forbiddenMultiValueHeaderIsMalformed() {
		assertMalformed("{'multiValueHeaders':{'Via':['1.1 proxy']}}", "header 'Via' may not be set by a function");
	}

	@Test
	void headerValueWithCarriageReturnIsMalformed() {
		assertMalformed("{'headers':{'X-A':'a\\rb'}}", "header 'X-A' has a line break or NUL in its value");
	}

	@Test
	void headerValueWithLineFeedIsMalformed() {
		assertMalformed("{'headers':{'X-A':'a\\nX-Injected: 1'}}", "header 'X-A' has a line break or NUL in its value");
	}

	@Test
	void multiValueHeaderValueWithLineFeedIsMalformed() {
		assertMalformed("{'multiValueHeaders':{'X-A':['ok','a\\nb']}}",
				"header 'X-A' has a line break or NUL in its value");
	}

	@Test
	void headerNameWithASpaceIsMalformed() {
		assertMalformed("{'headers':{'X A':'v'}}", "'X A' is not a valid header name");
	}

	@Test
	void headersThatAreNotAnObjectAreMalformed() {
		assertMalformed("{'headers':['X-A','1']}", "'headers' is not an object");
	}

	@Test
	void headersThatAreAStringAreMalformed() {
		assertMalformed("{'headers':'X-A: 1'}", "'headers' is not an object");
	}

	@Test
	void multiValueHeadersThatAreNotAnObjectAreMalformed() {
		assertMalformed("{'multiValueHeaders':[]}", "'multiValueHeaders' is not an object");
	}

	@Test
	void headerValueThatIsANumberIsMalformed() {
		assertMalformed("{'headers':{'X-A':1}}", "header 'X-A' is not a string");
	}

	@Test
	void multiValueHeaderThatIsNotAListIsMalformed() {
		assertMalformed("{'multiValueHeaders':{'X-A':'1'}}", "multi-value header 'X-A' is not a list");
	}

	@Test
	void multiValueHeaderWithANumberIsMalformed() {
		assertMalformed("{'multiValueHeaders':{'X-A':['1',2]}}",
				"multi-value header 'X-A' has a value that is not a string");
	}

	@Test
	void arrayResultIsMalformed() {
		assertMalformed("[{'statusCode':200}]", "the result is not a JSON object");
	}

	@Test
	void stringResultIsMalformed() {
		assertMalformed("'hello'", "the result is not a JSON object");
	}

	@Test
	void numberResultIsMalformed() {
		assertMalformed("200", "the result is not a JSON object");
	}

	@Test
	void jsonNullResultIsMalformed() {
		assertMalformed("null", "the result is not a JSON object");
	}

	@Test
	void missingResultIsMalformed() {
		assertThatExceptionOfType(MalformedResponseException.class).isThrownBy(() -> ProxyResponse.read(null))
			.withMessage("the result is not a JSON object");
	}

	private static ProxyResponse read(String json) {
		return ProxyResponse.read(json(json));
	}

	private static void assertMalformed(String json, String message) {
		JsonNode result = json(json);
		assertThatExceptionOfType(MalformedResponseException.class).isThrownBy(() -> ProxyResponse.read(result))
			.withMessage(message);
	}

	private static JsonNode json(String singleQuoted) {
		return JsonMapper.shared().readTree(singleQuoted.replace('\'', '"'));
	}

}
