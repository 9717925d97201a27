package io.functionruntime.internal.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * The query string of the event (SPEC §3) and the raw-mode switch (SPEC §2, §4).
 */
class QueryStringTests {

	@Test
	void singleParameterHasItsValue() {
		QueryString query = QueryString.parse("a=1");

		assertThat(query.values()).containsExactly(entry("a", List.of("1")));
		assertThat(query.lastValues()).containsExactly(entry("a", "1"));
	}

	@Test
	void repeatedQueryParameterKeepsAllValuesInOrder() {
		QueryString query = QueryString.parse("a=3&b=x&a=1&a=2");

		assertThat(query.values()).containsExactly(entry("a", List.of("3", "1", "2")), entry("b", List.of("x")));
	}

	@Test
	void repeatedQueryParameterKeepsItsLastValueInTheSingleValueMap() {
		QueryString query = QueryString.parse("a=3&b=x&a=1&a=2");

		assertThat(query.lastValues()).containsExactly(entry("a", "2"), entry("b", "x"));
	}

	@Test
	void plusIsDecodedAsASpace() {
		QueryString query = QueryString.parse("q=hello+world&a+b=c");

		assertThat(query.lastValues()).containsExactly(entry("q", "hello world"), entry("a b", "c"));
	}

	@Test
	void percentEncodedAsciiIsDecoded() {
		QueryString query = QueryString.parse("q=a%20b%26c%3Dd%2Be");

		assertThat(query.lastValues()).containsExactly(entry("q", "a b&c=d+e"));
	}

	@Test
	void percentEncodedUtf8IsDecoded() {
		QueryString query = QueryString.parse("word=%D0%BF%D1%80%D0%B8");

		assertThat(query.lastValues()).containsExactly(entry("word", "\u043f\u0440\u0438"));
	}

	@Test
	void percentEncodedNameIsDecoded() {
		QueryString query = QueryString.parse("%D0%BF=1");

		assertThat(query.lastValues()).containsExactly(entry("\u043f", "1"));
	}

	@Test
	void lowerCaseHexDigitsAreDecoded() {
		QueryString query = QueryString.parse("q=%d0%bf");

		assertThat(query.lastValues()).containsExactly(entry("q", "\u043f"));
	}

	@Test
	void unencodedNonAsciiCharacterIsKept() {
		QueryString query = QueryString.parse("q=\u00e9\u043f");

		assertThat(query.lastValues()).containsExactly(entry("q", "\u00e9\u043f"));
	}

	@Test
	void unencodedNonAsciiCharacterIsKeptBesideAnEncodedOne() {
		QueryString query = QueryString.parse("q=\u00e9+\u043f%21");

		assertThat(query.lastValues()).containsExactly(entry("q", "\u00e9 \u043f!"));
	}

	@Test
	void keyWithoutEqualsSignGetsAnEmptyValue() {
		QueryString query = QueryString.parse("flag&a=1");

		assertThat(query.values()).containsExactly(entry("flag", List.of("")), entry("a", List.of("1")));
	}

	@Test
	void keyWithEqualsSignAndNoValueGetsAnEmptyValue() {
		QueryString query = QueryString.parse("a=");

		assertThat(query.lastValues()).containsExactly(entry("a", ""));
	}

	@Test
	void valueKeepsEverythingAfterTheFirstEqualsSign() {
		QueryString query = QueryString.parse("a=b=c");

		assertThat(query.lastValues()).containsExactly(entry("a", "b=c"));
	}

	@Test
	void emptySegmentsAreSkipped() {
		QueryString query = QueryString.parse("a=1&&b=2&");

		assertThat(query.values()).containsExactly(entry("a", List.of("1")), entry("b", List.of("2")));
	}

	@Test
	void integrationRawSelectsRawMode() {
		assertThat(QueryString.parse("integration=raw").raw()).isTrue();
	}

	@Test
	void integrationParameterIsNotPassedToTheHandler() {
		QueryString query = QueryString.parse("a=1&integration=raw&b=2");

		assertThat(query.values()).containsExactly(entry("a", List.of("1")), entry("b", List.of("2")));
		assertThat(query.lastValues()).doesNotContainKey("integration");
	}

	@Test
	void integrationAsyncSelectsAnAsynchronousCallWithTheRawBodyAsItsEvent() {
		QueryString query = QueryString.parse("integration=async&a=1");
		assertThat(query.async()).isTrue();
		assertThat(query.raw()).isTrue();
		assertThat(query.lastValues()).containsOnlyKeys("a");
		assertThat(QueryString.parse("integration=raw").async()).isFalse();
	}

	@Test
	void integrationWithAnotherValueDoesNotSelectRawMode() {
		assertThat(QueryString.parse("integration=other").raw()).isFalse();
	}

	@Test
	void integrationWithAnotherValueIsRemovedToo() {
		QueryString query = QueryString.parse("integration=other&a=1");

		assertThat(query.values()).containsExactly(entry("a", List.of("1")));
	}

	@Test
	void queryWithoutIntegrationIsNotRaw() {
		assertThat(QueryString.parse("a=raw").raw()).isFalse();
	}

	@Test
	void invalidHexDigitsAreRejectedAsBadRequest() {
		assertBadRequest("a=%zz");
	}

	@Test
	void truncatedPercentEscapeIsRejectedAsBadRequest() {
		assertBadRequest("a=%4");
	}

	@Test
	void lonePercentSignIsRejectedAsBadRequest() {
		assertBadRequest("a=%");
	}

	@Test
	void malformedPercentEscapeInANameIsRejectedAsBadRequest() {
		assertBadRequest("%g1=1");
	}

	@Test
	void malformedPercentEscapeMessageQuotesTheSegment() {
		RequestRejectedException ex = catchThrowableOfType(RequestRejectedException.class,
				() -> QueryString.parse("ok=1&a=%zz"));

		assertThat(ex.getMessage()).isEqualTo("Malformed percent-encoding in the query string: '%zz'");
	}

	@Test
	void nullQueryIsEmpty() {
		QueryString query = QueryString.parse(null);

		assertThat(query.values()).isEmpty();
		assertThat(query.lastValues()).isEmpty();
		assertThat(query.raw()).isFalse();
	}

	@Test
	void emptyQueryIsEmpty() {
		QueryString query = QueryString.parse("");

		assertThat(query.values()).isEmpty();
		assertThat(query.lastValues()).isEmpty();
		assertThat(query.raw()).isFalse();
	}

	private static void assertBadRequest(String query) {
		RequestRejectedException ex = catchThrowableOfType(RequestRejectedException.class,
				() -> QueryString.parse(query));

		assertThat(ex).as("parse(\"%s\")", query).isNotNull();
		assertThat(ex.status()).isEqualTo(400);
		assertThat(ex.errorType()).isEqualTo("BadRequest");
	}

}
