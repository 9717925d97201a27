package io.functionruntime.internal.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Entry points are {@code <file>.<handler>} with exactly one dot (SPEC §1); those of the
 * cloud's Java models are fully qualified class names.
 */
class EntryPointTests {

	private static final String ONE_DOT = "it must have exactly one dot, as in 'main.handler'";

	private static final String FILE_NAME = "the file name before the dot must be one or more letters, digits, '_' or '-'";

	private static final String HANDLER_NAME = "the handler name after the dot must be a Java identifier";

	@Test
	void fileAndHandlerAreSplitAtTheDot() {
		EntryPoint entryPoint = EntryPoint.parse("main.handler");

		assertThat(entryPoint.file()).isEqualTo("main");
		assertThat(entryPoint.handler()).isEqualTo("handler");
	}

	@Test
	void entryPointPrintsAsItWasWritten() {
		assertThat(EntryPoint.parse("main.handler")).hasToString("main.handler");
	}

	@Test
	void fileNameMayHaveHyphensUnderscoresAndDigits() {
		EntryPoint entryPoint = EntryPoint.parse("my-file_1.handle2");

		assertThat(entryPoint.file()).isEqualTo("my-file_1");
		assertThat(entryPoint.handler()).isEqualTo("handle2");
	}

	@Test
	void handlerNameMayStartWithADollarSign() {
		EntryPoint entryPoint = EntryPoint.parse("f.$x");

		assertThat(entryPoint.file()).isEqualTo("f");
		assertThat(entryPoint.handler()).isEqualTo("$x");
	}

	@Test
	void emptyFileNameIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parse(".handler")).withMessage(FILE_NAME);
	}

	@Test
	void entryPointWithoutADotIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parse("main")).withMessage(ONE_DOT);
	}

	@Test
	void entryPointWithTwoDotsIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parse("a.b.c")).withMessage(ONE_DOT);
	}

	@Test
	void emptyHandlerNameIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parse("main.")).withMessage(HANDLER_NAME);
	}

	@Test
	void fileNameWithASpaceIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parse("ma in.handler"))
			.withMessage(FILE_NAME);
	}

	@Test
	void handlerNameStartingWithADigitIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parse("main.1handler"))
			.withMessage(HANDLER_NAME);
	}

	@Test
	void handlerNameWithAHyphenIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parse("main.hand-ler"))
			.withMessage(HANDLER_NAME);
	}

	@Test
	void handlerNameThatIsAJavaKeywordIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parse("main.class"))
			.withMessage(HANDLER_NAME);
	}

	@Test
	void nonAsciiFileNameIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parse("f\u00e9.handler"))
			.withMessage(FILE_NAME);
	}

	@Test
	void classNameIsSplitAtItsLastDot() {
		EntryPoint entryPoint = EntryPoint.parseClassName("org.example.Handler");

		assertThat(entryPoint.file()).isEqualTo("org.example");
		assertThat(entryPoint.handler()).isEqualTo("Handler");
		assertThat(entryPoint).hasToString("org.example.Handler");
	}

	@Test
	void classNameInTheDefaultPackageHasNoDot() {
		assertThat(EntryPoint.parseClassName("Handler")).hasToString("Handler");
	}

	@Test
	void classNameWithAnEmptyPartIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parseClassName("org..Handler"))
			.withMessage("it must be a fully qualified class name, Java identifiers joined by dots, "
					+ "as in 'org.example.Handler'");
	}

	@Test
	void classNameWithAKeywordIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryPoint.parseClassName("org.example.class"));
	}

}
