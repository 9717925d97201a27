package io.functionruntime.internal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header names are canonicalised like Go's {@code CanonicalHeaderKey} (SPEC §3).
 */
class HeaderNamesTests {

	@Test
	void lowerCaseNameIsCapitalisedAfterEachHyphen() {
		assertThat(HeaderNames.canonical("content-type")).isEqualTo("Content-Type");
	}

	@Test
	void longLowerCaseNameIsCapitalisedInEveryPart() {
		assertThat(HeaderNames.canonical("x-real-remote-address")).isEqualTo("X-Real-Remote-Address");
	}

	@Test
	void acronymPartIsLowerCasedAfterItsFirstLetter() {
		assertThat(HeaderNames.canonical("content-md5")).isEqualTo("Content-Md5");
	}

	@Test
	void upperCaseNameIsLowerCasedAfterTheFirstLetterOfEachPart() {
		assertThat(HeaderNames.canonical("CONTENT-TYPE")).isEqualTo("Content-Type");
	}

	@Test
	void mixedCaseNameIsCanonicalised() {
		assertThat(HeaderNames.canonical("x-FORWARDED-for")).isEqualTo("X-Forwarded-For");
	}

	@Test
	void singleWordIsCapitalised() {
		assertThat(HeaderNames.canonical("host")).isEqualTo("Host");
	}

	@Test
	void letterAfterADigitOrUnderscoreIsLowerCased() {
		assertThat(HeaderNames.canonical("X-1A_B")).isEqualTo("X-1a_b");
	}

	@Test
	void alreadyCanonicalNameIsReturnedAsTheSameInstance() {
		String name = new String("X-Request-Id");

		assertThat(HeaderNames.canonical(name)).isSameAs(name);
	}

	@Test
	void nameWithASpaceIsReturnedUnchanged() {
		String name = "content type";

		assertThat(HeaderNames.canonical(name)).isSameAs(name);
	}

	@Test
	void nameWithANonTokenCharacterIsReturnedUnchanged() {
		assertThat(HeaderNames.canonical("x-foo:bar")).isEqualTo("x-foo:bar");
		assertThat(HeaderNames.canonical("x-f\u00f6o")).isEqualTo("x-f\u00f6o");
		assertThat(HeaderNames.canonical("x-(foo)")).isEqualTo("x-(foo)");
	}

	@Test
	void emptyNameIsReturnedUnchanged() {
		assertThat(HeaderNames.canonical("")).isEmpty();
	}

	@Test
	void lettersDigitsAndRfc9110SymbolsAreTokenCharacters() {
		for (char c : "azAZ09!#$%&'*+-.^_`|~".toCharArray()) {
			assertThat(HeaderNames.isTokenChar(c)).as("'%s'", c).isTrue();
		}
	}

	@Test
	void separatorsControlsAndNonAsciiAreNotTokenCharacters() {
		for (char c : " \t\r\n\"(),/:;<=>?@[\\]{}\u0000\u007f\u00e9".toCharArray()) {
			assertThat(HeaderNames.isTokenChar(c)).as("U+%04X", (int) c).isFalse();
		}
	}

}
