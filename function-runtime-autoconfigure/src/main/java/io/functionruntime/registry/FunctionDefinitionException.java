package io.functionruntime.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * The application's handlers or their configuration cannot be served: a bad or duplicate
 * entry point, an unsupported shape, settings for a function that does not exist.
 * The message says what is wrong and where; {@link #getAction()} says how to fix it.
 * Startup reports every such problem at once, {@link #combine combined} into one failure,
 * so that fixing one does not merely reveal the next.
 */
public class FunctionDefinitionException extends RuntimeException {

	private final String action;

	private final List<FunctionDefinitionException> problems;

	public FunctionDefinitionException(String message, String action) {
		super(message);
		this.action = action;
		this.problems = List.of(this);
	}

	private FunctionDefinitionException(String message, String action, List<FunctionDefinitionException> problems) {
		super(message);
		this.action = action;
		this.problems = problems;
		problems.forEach(this::addSuppressed);
	}

	/**
	 * Makes one failure of several problems: the message lists each with its fix.
	 * @param failures the problems, each of them one problem or several combined
	 * @return the one problem there is, or a failure that lists them all
	 */
	public static FunctionDefinitionException combine(List<FunctionDefinitionException> failures) {
		List<FunctionDefinitionException> problems = new ArrayList<>();
		failures.forEach((failure) -> problems.addAll(failure.getProblems()));
		if (problems.size() == 1) {
			return problems.get(0);
		}
		StringBuilder message = new StringBuilder().append(problems.size())
			.append(" problems stop the application's functions:");
		for (int i = 0; i < problems.size(); i++) {
			FunctionDefinitionException problem = problems.get(i);
			message.append("\n\n").append(i + 1).append(". ").append(problem.getMessage());
			message.append("\n   Fix: ").append(problem.getAction());
		}
		return new FunctionDefinitionException(message.toString(), "Make each fix listed above.",
				List.copyOf(problems));
	}

	/** @return how to fix it */
	public String getAction() {
		return this.action;
	}

	/** @return each problem on its own: this one, or those it combines */
	public List<FunctionDefinitionException> getProblems() {
		return this.problems;
	}

}
