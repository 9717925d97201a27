package io.functionruntime.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Stops an application built on the wrong Spring Boot or Jackson before anything else of
 * the starter runs: on Spring Boot 3 it would otherwise fail later, with an error about an
 * unrelated bean. Registered in {@code spring.factories} as an application listener and
 * written against APIs that Spring Boot 3 has too, so that it runs there.
 */
class SpringBootVersionCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String NEEDED = "Spring Boot 4.0.x and Jackson 3 (tools.jackson.databind)";

	/** A class of Spring Boot 4 that Spring Boot 3 lacks, for when the version is unknown. */
	private static final String BOOT_4_CLASS = "org.springframework.boot.EnvironmentPostProcessor";

	private static final String JACKSON_3_CLASS = "tools.jackson.databind.json.JsonMapper";

	private static final String JACKSON_2_CLASS = "com.fasterxml.jackson.databind.json.JsonMapper";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ClassLoader classLoader = event.getSpringApplication().getClassLoader();
		String problem = problem(SpringBootVersion.getVersion(), (name) -> ClassUtils.isPresent(name, classLoader));
		if (problem != null) {
			throw new IncompatibleVersionsException(problem);
		}
	}

	/**
	 * Before Spring Boot's own listeners, so that the failure is the first thing that
	 * happens.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Compares what the class path has with what the starter needs.
	 * @param bootVersion Spring Boot's version, or {@code null} when unknown
	 * @param present whether a class is on the class path
	 * @return what is wrong, naming the versions found and needed, or {@code null}
	 */
	static String problem(String bootVersion, Predicate<String> present) {
		List<String> found = new ArrayList<>();
		boolean boot4 = (bootVersion != null) ? bootVersion.startsWith("4.") : present.test(BOOT_4_CLASS);
		if (!boot4) {
			found.add("Spring Boot " + ((bootVersion != null) ? bootVersion : "older than 4"));
		}
		if (!present.test(JACKSON_3_CLASS)) {
			found.add(present.test(JACKSON_2_CLASS) ? "only Jackson 2 (com.fasterxml.jackson.databind)"
					: "no Jackson 3 (tools.jackson.databind)");
		}
		return found.isEmpty() ? null
				: "function-runtime needs " + NEEDED + ", but the class path has " + String.join(" and ", found) + ".";
	}

	/** The class path has a Spring Boot or Jackson the starter cannot run on. */
	static class IncompatibleVersionsException extends IllegalStateException {

		IncompatibleVersionsException(String message) {
			super(message);
		}

	}

}
