package io.functionruntime.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.functionruntime.registry.FunctionDefinitionException;

/**
 * Collects the definition problems of a startup step instead of stopping at the first,
 * so that one failure lists them all.
 */
public final class DefinitionProblems {

	private final List<FunctionDefinitionException> problems = new ArrayList<>();

	/**
	 * Runs a check, keeping its problem.
	 * @param check the check
	 * @return whether it passed
	 */
	public boolean check(Runnable check) {
		return attempt(() -> {
			check.run();
			return Boolean.TRUE;
		}) != null;
	}

	/**
	 * Makes something, keeping the problem that stops it.
	 * @param <T> what is made
	 * @param step how it is made
	 * @return what is made, or {@code null} when a problem stopped it
	 */
	public <T> T attempt(Supplier<T> step) {
		try {
			return step.get();
		}
		catch (FunctionDefinitionException ex) {
			this.problems.add(ex);
			return null;
		}
	}

	/**
	 * Keeps a problem.
	 * @param problem the problem
	 */
	public void add(FunctionDefinitionException problem) {
		this.problems.add(problem);
	}

	/**
	 * Fails with every problem kept, if there is any.
	 * @throws FunctionDefinitionException listing them all
	 */
	public void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw FunctionDefinitionException.combine(this.problems);
		}
	}

}
