package io.functionruntime.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE reads offers the values of the enum-like properties
 * and the entry point of a function where one is named, and its hints name properties
 * that exist.
 */
class ConfigurationMetadataHintsTests {

	private JsonNode metadata;

	@BeforeEach
	void readMetadata() throws IOException {
		try (InputStream input = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			this.metadata = JsonMapper.shared().readTree(input);
		}
	}

	@Test
	void everyHintNamesAProperty() {
		List<String> properties = names("properties");
		assertThat(names("hints")).isNotEmpty()
			.allSatisfy((hint) -> assertThat(properties).contains(hint.replaceAll("\\.(keys|values)(\\..*)?$", "")));
	}

	@Test
	void tokenSourceOffersEverySource() {
		assertThat(values("function-runtime.token.source")).containsExactlyElementsOf(Arrays
			.stream(FunctionRuntimeProperties.TokenSource.values())
			.map((source) -> source.name().toLowerCase(Locale.ROOT))
			.toList());
	}

	@Test
	void entryPointsAreSuggestedWhereAFunctionIsNamed() {
		assertThat(values("function-runtime.default-function")).contains("main.handler");
		assertThat(values("function-runtime.functions.keys")).contains("main.handler");
		assertThat(values("function-runtime.triggers.timers.values.function")).contains("main.handler");
	}

	@Test
	void functionsHealthIndicatorCanBeSwitchedOff() {
		assertThat(names("properties")).contains("management.health.functions.enabled");
	}

	private List<String> names(String group) {
		List<String> names = new ArrayList<>();
		this.metadata.get(group).forEach((item) -> names.add(item.get("name").asString()));
		return names;
	}

	private List<String> values(String hint) {
		List<String> values = new ArrayList<>();
		for (JsonNode item : this.metadata.get("hints")) {
			if (item.get("name").asString().equals(hint)) {
				item.get("values").forEach((value) -> values.add(value.get("value").asString()));
			}
		}
		return values;
	}

}
