package io.functionruntime.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.functionruntime.autoconfigure.FunctionRuntimeProperties.Function;
import io.functionruntime.registry.FunctionDefinitionException;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every key of the environment under {@code function-runtime.functions}, matched against
 * the application's functions and their settings. Spring Boot binds a map of objects
 * keyed by entry point only from {@code functions[<entry point>]}: a key without the
 * brackets, or for a function or setting that does not exist, would be dropped without a
 * word, so each one stops startup. Environment variables cannot hold brackets or dots, so
 * {@code FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLER_TIMEOUT} is bound to the function whose
 * entry point, written the same way, it starts with.
 */
final class FunctionSettingsKeys {

	private static final String PREFIX = "function-runtime.functions";

	private static final String VARIABLE_PREFIX = "FUNCTION_RUNTIME_FUNCTIONS";

	private static final List<Setting> SETTINGS = settings();

	private final ConfigurableEnvironment environment;

	private final Collection<String> entryPoints;

	FunctionSettingsKeys(ConfigurableEnvironment environment, Collection<String> entryPoints) {
		this.environment = environment;
		this.entryPoints = entryPoints;
	}

	/**
	 * Checks every key and binds the settings of environment variables.
	 * @param bound the functions' settings as bound from the properties
	 * @return the functions' settings, those of environment variables included
	 * @throws FunctionDefinitionException naming every key that binds to nothing
	 */
	Map<String, Function> bind(Map<String, Function> bound) {
		List<String> problems = new ArrayList<>();
		List<PropertySource<?>> sources = new ArrayList<>();
		boolean translated = false;
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				continue;
			}
			if (source instanceof SystemEnvironmentPropertySource variables) {
				Map<String, Object> settings = translate(variables, problems);
				sources.add(new MapPropertySource(source.getName() + " as settings per function", settings));
				translated |= !settings.isEmpty();
			}
			else if (source instanceof EnumerablePropertySource<?> properties) {
				check(properties, problems);
			}
			sources.add(source);
		}
		if (!problems.isEmpty()) {
			throw new FunctionDefinitionException(problems.size() + " setting(s) per function bind to nothing, "
					+ "and Spring Boot would ignore them:" + String.join("", problems),
					"Key each setting by the function's entry point in brackets, function-runtime.functions[<entry "
							+ "point>].<setting> (in YAML, \"[main.handler]\":), or as an environment variable "
							+ "FUNCTION_RUNTIME_FUNCTIONS_<ENTRY POINT>_<SETTING>, with '.' and '-' written '_'. The "
							+ "functions are " + this.entryPoints + "; the settings are "
							+ SETTINGS.stream().map(Setting::name).toList() + ".");
		}
		return translated ? new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(this.environment), ApplicationConversionService.getSharedInstance())
			.bind(PREFIX, Bindable.mapOf(String.class, Function.class))
			.orElseGet(LinkedHashMap::new) : bound;
	}

	/** Checks the keys of properties, which must name their entry point in brackets. */
	private void check(EnumerablePropertySource<?> source, List<String> problems) {
		for (String key : source.getPropertyNames()) {
			String rest = after(key, PREFIX, '.');
			if (rest == null) {
				continue;
			}
			String where = "'" + key + "' (" + source.getName() + ")";
			int close = rest.indexOf(']');
			if (rest.startsWith("[") && close > 0) {
				String entryPoint = rest.substring(1, close);
				String setting = rest.substring(close + 1).replaceFirst("^\\.", "");
				if (!this.entryPoints.contains(entryPoint)) {
					problems.add(problem(where, "names no function '" + entryPoint + "'"));
				}
				else if (resolve(setting) == null) {
					problems.add(problem(where, "names no setting of function '" + entryPoint + "'"));
				}
				continue;
			}
			List<Match> matches = matches(rest);
			problems.add(problem(where, matches.isEmpty() ? unmatched(rest)
					: "has no brackets around its entry point; did you mean " + matches.stream()
						.map((match) -> PREFIX + "[" + match.entryPoint() + "]." + match.setting())
						.reduce((first, second) -> first + " or " + second)
						.orElseThrow() + "?"));
		}
	}

	/**
	 * Turns {@code FUNCTION_RUNTIME_FUNCTIONS_<ENTRY POINT>_<SETTING>} variables into keys
	 * with the entry point in brackets.
	 */
	private Map<String, Object> translate(SystemEnvironmentPropertySource source, List<String> problems) {
		Map<String, Object> settings = new LinkedHashMap<>();
		for (String name : source.getPropertyNames()) {
			String rest = after(name, VARIABLE_PREFIX, '_');
			if (rest == null) {
				continue;
			}
			List<Match> matches = matches(rest);
			String where = "'" + name + "' (" + source.getName() + ")";
			if (matches.size() == 1) {
				Match match = matches.get(0);
				settings.put(PREFIX + "[" + match.entryPoint() + "]." + match.key(), source.getProperty(name));
			}
			else {
				problems.add(problem(where, matches.isEmpty() ? unmatched(rest) : "fits more than one function: "
						+ matches.stream().map(Match::entryPoint).toList()));
			}
		}
		return settings;
	}

	private String unmatched(String rest) {
		return this.entryPoints.stream().anyMatch((entryPoint) -> endOfName(rest, entryPoint) > 0)
				? "names no setting of the function" : "names no function";
	}

	private static String problem(String where, String problem) {
		return System.lineSeparator() + "    " + where + " " + problem;
	}

	/** The text after a prefix and its separator, ignoring case; {@code null} without one. */
	private static String after(String key, String prefix, char separator) {
		if (!key.regionMatches(true, 0, prefix, 0, prefix.length())) {
			return null;
		}
		String rest = key.substring(prefix.length());
		if (rest.isEmpty() || rest.startsWith("[")) {
			return rest;
		}
		return (rest.charAt(0) == separator) ? rest.substring(1) : null;
	}

	/** The functions whose entry point a key without brackets starts with. */
	private List<Match> matches(String rest) {
		List<Match> matches = new ArrayList<>();
		for (String entryPoint : this.entryPoints) {
			int end = endOfName(rest, entryPoint);
			if (end > 0 && end < rest.length() && isSeparator(rest.charAt(end))) {
				String setting = rest.substring(end + 1);
				String key = resolve(setting);
				if (key != null) {
					matches.add(new Match(entryPoint, setting, key));
				}
			}
		}
		return matches;
	}

	/**
	 * Resolves a setting as written after the entry point, such as {@code timeout},
	 * {@code MEMORY_LIMIT} or {@code ENVIRONMENT_DB_URL}.
	 * @return the setting's key in bracket form, such as {@code environment[DB_URL]}, or
	 * {@code null} when it names no setting
	 */
	private static String resolve(String setting) {
		for (Setting candidate : SETTINGS) {
			int end = endOfName(setting, candidate.name());
			if (end == setting.length()) {
				return candidate.name();
			}
			if (end > 0 && candidate.keyed()) {
				String key = setting.substring(end + 1).replaceAll("^\\[|\\]$", "");
				return key.isEmpty() ? null : candidate.name() + "[" + key + "]";
			}
		}
		return null;
	}

	/**
	 * Where a name ends at the start of a text, comparing as Spring Boot's relaxed binding
	 * does: ignoring case and the separators {@code . - _}.
	 * @return the index in the text after the name, when a separator, a bracket or the end
	 * follows it; else -1
	 */
	private static int endOfName(String text, String name) {
		int at = 0;
		for (int i = 0; i < name.length(); i++) {
			char expected = name.charAt(i);
			if (isSeparator(expected)) {
				continue;
			}
			while (at < text.length() && isSeparator(text.charAt(at)) && at > 0) {
				at++;
			}
			if (at == text.length()
					|| Character.toLowerCase(text.charAt(at)) != Character.toLowerCase(expected)) {
				return -1;
			}
			at++;
		}
		boolean boundary = at == text.length() || isSeparator(text.charAt(at)) || text.charAt(at) == '[';
		return boundary ? at : -1;
	}

	private static boolean isSeparator(char c) {
		return c == '.' || c == '-' || c == '_';
	}

	private static List<Setting> settings() {
		List<Setting> settings = new ArrayList<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(Function.class)) {
			if (descriptor.getWriteMethod() != null) {
				Class<?> type = descriptor.getPropertyType();
				settings.add(new Setting(descriptor.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT),
						Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)));
			}
		}
		return List.copyOf(settings);
	}

	/** A setting of a function; a keyed one is a map or a list. */
	private record Setting(String name, boolean keyed) {
	}

	/** A key without brackets read as a function's entry point and one of its settings. */
	private record Match(String entryPoint, String setting, String key) {
	}

}
