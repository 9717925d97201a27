package io.functionruntime.internal.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.functionruntime.internal.registry.HandlerShapes.ShapeException;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;
import io.functionruntime.registry.FunctionSettings;
import io.functionruntime.registry.HandlerCandidate;
import jakarta.servlet.ServletContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Every function of the application, validated once at startup, and the routes that reach
 * them: {@code /<entry point>}, {@code /<function id>} and {@code /} for the default.
 */
public class FunctionRegistry {

	private static final Logger logger = LoggerFactory.getLogger(FunctionRegistry.class);

	private static final String ENTRY_POINT_FIX = "Use an entry point of the form <file>.<handler>, such as 'main.handler': "
			+ "a file name of letters, digits, '_' or '-', one dot, and a Java identifier.";

	private static final String CLASS_NAME_FIX = "Use the class's fully qualified name, such as 'org.example.Handler'.";

	private static final String CLOUD_MODEL_FIX = "Make it a public, non-generic class that implements "
			+ "java.util.function.Function<I, O> or yandex.cloud.sdk.functions.YcFunction<I, O>, or extends "
			+ "jakarta.servlet.http.HttpServlet, with supported event and result types (see docs/cloud-java-models.md).";

	private final Map<String, FunctionDefinition> functions;

	private final Map<String, FunctionDefinition> routes;

	private final FunctionDefinition defaultFunction;

	/**
	 * Validates every function. Each problem found is kept and startup fails once, listing
	 * them all, so that fixing one does not merely reveal the next.
	 * @param candidates the handlers found
	 * @param settingsSource the functions' settings
	 * @param beanFactory the factory of the handler beans
	 * @param jsonMapper the mapper of events and results
	 * @throws FunctionDefinitionException listing every problem found
	 */
	public FunctionRegistry(List<HandlerCandidate> candidates, FunctionSettingsSource settingsSource,
			ConfigurableListableBeanFactory beanFactory, JsonMapper jsonMapper) {
		HandlerShapes shapes = new HandlerShapes(jsonMapper);
		DefinitionProblems problems = new DefinitionProblems();
		Set<String> declared = new LinkedHashSet<>();
		Set<String> names = new HashSet<>();
		Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
		for (HandlerCandidate candidate : unique(candidates, problems)) {
			EntryPoint entryPoint = problems.attempt(() -> parse(candidate));
			if (entryPoint == null) {
				continue;
			}
			declared.add(entryPoint.toString());
			FunctionSettings settings = problems.attempt(() -> settingsSource.settingsFor(entryPoint));
			names.add(entryPoint.toString());
			if (settings != null) {
				names.add(settings.id());
			}
			boolean singleton = beanFactory.isSingleton(candidate.beanName());
			HandlerAdapter adapter = problems
				.attempt(() -> adapter(shapes, candidate, entryPoint, () -> beanFactory.getBean(ServletContext.class)));
			if (settings != null && problems.check(() -> checkInstances(candidate, entryPoint, settings, singleton))
					&& adapter != null) {
				functions.put(entryPoint.toString(),
						new FunctionDefinition(entryPoint.toString(), candidate.beanName(), singleton, adapter, settings));
			}
		}
		checkConfiguredFunctionsExist(settingsSource, declared, problems);
		this.functions = Collections.unmodifiableMap(functions);
		this.routes = routes(functions.values(), problems);
		this.defaultFunction = defaultFunction(settingsSource.defaultFunction(), declared, names, problems);
		problems.throwIfAny();
		if (logger.isInfoEnabled()) {
			this.functions.values().forEach((function) -> logger.info(describe(function)));
		}
	}

	/**
	 * Describes a function in one line: where it is served and how it runs.
	 * @param function the function
	 * @return the description
	 */
	public String describe(FunctionDefinition function) {
		FunctionSettings settings = function.settings();
		return "Function " + function.entryPoint() + " at /" + function.entryPoint() + ", /" + settings.id()
				+ ((function == this.defaultFunction) ? " and /" : "") + ": id " + settings.id() + ", version "
				+ settings.versionId() + ", timeout " + settings.timeout().toMillis() + " ms, instances "
				+ settings.instancesLimit() + " (" + settings.provisionedInstances() + " provisioned), concurrency "
				+ settings.concurrency() + ", handler " + function.adapter().description();
	}

	/**
	 * Keeps the first candidate of each entry point; a second one is a problem.
	 */
	private static Collection<HandlerCandidate> unique(List<HandlerCandidate> candidates,
			DefinitionProblems problems) {
		Map<String, List<HandlerCandidate>> byEntryPoint = candidates.stream()
			.collect(Collectors.groupingBy(HandlerCandidate::entryPoint, LinkedHashMap::new, Collectors.toList()));
		List<HandlerCandidate> unique = new ArrayList<>();
		for (Map.Entry<String, List<HandlerCandidate>> entry : byEntryPoint.entrySet()) {
			unique.add(entry.getValue().get(0));
			if (entry.getValue().size() > 1) {
				problems.add(new FunctionDefinitionException(
						"Entry point '" + entry.getKey() + "' is declared more than once, by "
								+ entry.getValue().stream().map(HandlerCandidate::describe).collect(Collectors.joining(" and ")),
						"Give each @FunctionHandler its own entry point, or remove one of the beans."));
			}
		}
		return unique;
	}

	private static EntryPoint parse(HandlerCandidate candidate) {
		try {
			return candidate.cloudModel() ? EntryPoint.parseClassName(candidate.entryPoint())
					: EntryPoint.parse(candidate.entryPoint());
		}
		catch (IllegalArgumentException ex) {
			throw new FunctionDefinitionException("Entry point '" + candidate.entryPoint() + "' of "
					+ candidate.describe() + " is invalid: " + ex.getMessage() + ".",
					candidate.cloudModel() ? CLASS_NAME_FIX : ENTRY_POINT_FIX);
		}
	}

	private static HandlerAdapter adapter(HandlerShapes shapes, HandlerCandidate candidate, EntryPoint entryPoint,
			Supplier<ServletContext> servletContext) {
		if (candidate.cloudModel()) {
			try {
				return shapes.forCloudModel(candidate.beanClass(), candidate.beanType(), servletContext);
			}
			catch (ShapeException ex) {
				throw new FunctionDefinitionException("Function '" + entryPoint + "' of " + candidate.describe()
						+ " cannot be served: " + ex.getMessage() + ".", CLOUD_MODEL_FIX);
			}
		}
		try {
			return (candidate.method() != null) ? shapes.forMethod(candidate.method(), candidate.beanClass())
					: shapes.forHandlerBean(candidate.beanClass(), candidate.beanType());
		}
		catch (ShapeException ex) {
			throw new FunctionDefinitionException("Handler '" + entryPoint + "' of " + candidate.describe()
					+ " has an unsupported shape: " + ex.getMessage() + ".",
					"Change the handler to (event) or (event, Context) with a supported event and result type "
							+ "(see the README, 'Handler shapes').");
		}
	}

	private static void checkInstances(HandlerCandidate candidate, EntryPoint entryPoint, FunctionSettings settings,
			boolean singleton) {
		if (singleton && settings.instancesLimit() > 1) {
			throw new FunctionDefinitionException("Function '" + entryPoint + "' allows "
					+ settings.instancesLimit() + " instances, but its " + candidate.describe()
					+ " is a singleton, so every instance would share one object and its fields.",
					"Annotate the handler bean with @Scope(\"prototype\") so each instance gets its own object, "
							+ "or set function-runtime.functions[" + entryPoint + "].instances-limit to 1.");
		}
	}

	private static void checkConfiguredFunctionsExist(FunctionSettingsSource settingsSource, Set<String> declared,
			DefinitionProblems problems) {
		for (String configured : settingsSource.configuredEntryPoints()) {
			if (!declared.contains(configured)) {
				problems.add(new FunctionDefinitionException(
						"function-runtime.functions[" + configured + "] configures a function that does not exist; "
								+ "the handlers are " + declared + ".",
						"Correct the entry point in the configuration, or add a @FunctionHandler(\"" + configured
								+ "\") bean."));
			}
		}
	}

	private static Map<String, FunctionDefinition> routes(Collection<FunctionDefinition> functions,
			DefinitionProblems problems) {
		Map<String, FunctionDefinition> routes = new HashMap<>();
		for (FunctionDefinition function : functions) {
			routes.put(function.entryPoint(), function);
		}
		for (FunctionDefinition function : functions) {
			FunctionDefinition taken = routes.putIfAbsent(function.settings().id(), function);
			if (taken != null) {
				problems.add(new FunctionDefinitionException("Function id '" + function.settings().id() + "' of '"
						+ function.entryPoint() + "' is already the route of '" + taken.entryPoint() + "'.",
						"Give function-runtime.functions[" + function.entryPoint() + "].id a value of its own."));
			}
		}
		return Collections.unmodifiableMap(routes);
	}

	/**
	 * Finds the function served at {@code /}. A configured default that names a function
	 * with problems of its own, by entry point or id, is no further problem.
	 */
	private FunctionDefinition defaultFunction(String configured, Set<String> declared, Set<String> names,
			DefinitionProblems problems) {
		if (configured == null || configured.isEmpty()) {
			return (this.functions.size() == 1) ? this.functions.values().iterator().next() : null;
		}
		FunctionDefinition function = this.routes.get(configured);
		if (function == null && !names.contains(configured)) {
			problems.add(new FunctionDefinitionException(
					"function-runtime.default-function is '" + configured + "', which is no function's entry point "
							+ "or id; the handlers are " + declared + ".",
					"Set function-runtime.default-function to one of " + declared + "."));
		}
		return function;
	}

	/**
	 * Finds the function a route reaches.
	 * @param route an entry point or a function id; empty for the default function
	 * @return the function, or {@code null} when there is none
	 */
	public FunctionDefinition find(String route) {
		return route.isEmpty() ? this.defaultFunction : this.routes.get(route);
	}

	/**
	 * Lists the paths that reach a function.
	 * @param function the function
	 * @return {@code /<entry point>}, {@code /<function id>}, and {@code /} for the default
	 * function
	 */
	public List<String> routes(FunctionDefinition function) {
		String entryPoint = "/" + function.entryPoint();
		String id = "/" + function.settings().id();
		return (function == this.defaultFunction) ? List.of(entryPoint, id, "/") : List.of(entryPoint, id);
	}

	/** @return every function, by entry point, in discovery order */
	public Map<String, FunctionDefinition> functions() {
		return this.functions;
	}

	/** @return the function served at {@code /}, or {@code null} when there is none */
	public FunctionDefinition defaultFunction() {
		return this.defaultFunction;
	}

}
