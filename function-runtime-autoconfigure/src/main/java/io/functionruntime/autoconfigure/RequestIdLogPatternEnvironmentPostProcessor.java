package io.functionruntime.autoconfigure;

import io.functionruntime.internal.logging.InvocationMdc;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * Puts the call's request id in every line logged while a call runs, the handler's own
 * included, through Spring Boot's {@code logging.pattern.correlation}: Boot's default
 * patterns show no MDC entry, so without it the handler's lines cannot be told apart by
 * call. Lines outside a call are unchanged. It is the last source of that property, so a
 * pattern the application sets wins.
 */
class RequestIdLogPatternEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY = "logging.pattern.correlation";

	/** {@code [<request id>] }, or nothing outside a call. */
	static final String LOGBACK_PATTERN = "%replace(%X{" + InvocationMdc.REQUEST_ID + "}){'(.+)', '[$1] '}";

	/** {@code [<request id>] }, or nothing outside a call. */
	static final String LOG4J2_PATTERN = "%notEmpty{[%X{" + InvocationMdc.REQUEST_ID + "}] }";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String pattern = pattern(application.getClassLoader());
		if (pattern != null) {
			environment.getPropertySources().addLast(new RequestIdLogPattern(environment, pattern));
		}
	}

	/**
	 * Writes the pattern in the syntax of the logging system Spring Boot picks, found as
	 * Boot finds it: Logback before Log4j2. Java Util Logging gets none.
	 */
	static String pattern(ClassLoader classLoader) {
		if (ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext", classLoader)) {
			return LOGBACK_PATTERN;
		}
		if (ClassUtils.isPresent("org.apache.logging.log4j.core.impl.Log4jContextFactory", classLoader)) {
			return LOG4J2_PATTERN;
		}
		return null;
	}

	/**
	 * The pattern, followed by Spring Boot's own trace and span ids when Micrometer Tracing
	 * expects them ({@code logging.expect-correlation-id}), which a set pattern would
	 * otherwise replace. Read when logging starts, after every post-processor has run. Its
	 * source is the pattern: Spring Boot would read one whose source is the environment as
	 * the environment's own sources, itself among them.
	 */
	static final class RequestIdLogPattern extends PropertySource<String> {

		private final Environment environment;

		RequestIdLogPattern(Environment environment, String pattern) {
			super("functionRuntimeRequestIdLogPattern", pattern);
			this.environment = environment;
		}

		@Override
		public Object getProperty(String name) {
			if (!PROPERTY.equals(name)) {
				return null;
			}
			boolean tracing = this.environment.getProperty("logging.expect-correlation-id", Boolean.class, false);
			return tracing ? getSource() + "%correlationId" : getSource();
		}

	}

}
