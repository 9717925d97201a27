package io.functionruntime.autoconfigure;

import io.functionruntime.autoconfigure.SpringBootVersionCheck.IncompatibleVersionsException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a class path with the wrong Spring Boot or Jackson as a startup failure that
 * says how to fix the build, rather than as a stack trace.
 */
class IncompatibleVersionsFailureAnalyzer extends AbstractFailureAnalyzer<IncompatibleVersionsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IncompatibleVersionsException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Build the application on Spring Boot 4.0.x (spring-boot-starter-parent or spring-boot-dependencies "
						+ "4.0.x), which brings Jackson 3, or leave function-runtime out of a Spring Boot 3 application.",
				cause);
	}

}
