package io.functionruntime.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error message that sends the user to the README or to a page of {@code docs/}
 * sends them somewhere that exists.
 */
class ErrorMessageReferencesTests {

	private static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..");

	private static final Pattern README_SECTION = Pattern.compile("README, '([^']+)'");

	private static final Pattern DOCS_PAGE = Pattern.compile("\"[^\"]*(docs/[\\w-]+\\.md)");

	@Test
	void readmeSectionsNamedByMessagesExist() throws IOException {
		List<String> sections = references(README_SECTION);
		String readme = Files.readString(ROOT.resolve("README.md"));
		assertThat(sections).as("README sections named in error messages").isNotEmpty();
		assertThat(sections).allSatisfy((section) -> assertThat(readme).contains("\n## " + section + "\n"));
	}

	@Test
	void docsPagesNamedByMessagesExist() throws IOException {
		List<String> pages = references(DOCS_PAGE);
		assertThat(pages).as("docs pages named in error messages").isNotEmpty();
		assertThat(pages).allSatisfy((page) -> assertThat(ROOT.resolve(page)).isRegularFile());
	}

	private static List<String> references(Pattern pattern) throws IOException {
		List<String> references = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(ROOT.resolve("function-runtime-autoconfigure/src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(source));
				while (matcher.find()) {
					references.add(matcher.group(1));
				}
			}
		}
		return references;
	}

}
