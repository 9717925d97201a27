package io.functionruntime.autoconfigure;

import io.functionruntime.registry.FunctionDefinitionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid handler or function configuration into a startup report that says
 * what is wrong, where, and how to fix it.
 */
class FunctionDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<FunctionDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FunctionDefinitionException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
