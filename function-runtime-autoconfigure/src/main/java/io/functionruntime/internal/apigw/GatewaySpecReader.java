package io.functionruntime.internal.apigw;

import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.functionruntime.internal.registry.DefinitionProblems;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.springframework.core.io.Resource;

/**
 * Reads the gateway's OpenAPI spec with the Swagger parser and turns its operations and
 * {@code x-yc-apigateway} extensions into {@link GatewayRoutes}. Every problem found is
 * kept, and startup fails once, naming the spec, the operation and the fix.
 */
public final class GatewaySpecReader {

	private static final String ANY_METHOD = "x-yc-apigateway-any-method";

	private static final String INTEGRATION = "x-yc-apigateway-integration";

	private static final String INTEGRATIONS = "x-yc-apigateway-integrations";

	private static final String CORS = "x-yc-apigateway-cors";

	private static final String AUTHORIZER = "x-yc-apigateway-authorizer";

	private static final String CORS_RULES = "x-yc-apigateway-cors-rules";

	/**
	 * What the parser reports and the gateway accepts: operations without
	 * {@code responses}, and a greedy {@code {name+}} declared as the parameter {@code name}.
	 */
	private static final Pattern TOLERATED = Pattern
		.compile("\\.responses is missing$|Declared path parameter [^ ]+\\+ needs to be defined");

	private static final Set<String> PAYLOAD_FORMAT_VERSIONS = Set.of("0.1", "1.0");

	private final String location;

	private final Map<String, FunctionDefinition> functionsById = new HashMap<>();

	private final Set<String> directRoutes = new HashSet<>();

	private final Map<String, SecurityScheme> authorizedSchemes = new HashMap<>();

	private final Set<String> declaredSchemes = new HashSet<>();

	private final List<String> authorizersNotEmulated = new ArrayList<>();

	private final DefinitionProblems problems = new DefinitionProblems();

	private GatewaySpecReader(String location, FunctionRegistry registry) {
		this.location = location;
		registry.functions().values().forEach((function) -> {
			this.functionsById.put(function.settings().id(), function);
			this.directRoutes.add("/" + function.entryPoint());
			this.directRoutes.add("/" + function.settings().id());
		});
	}

	/**
	 * Reads a spec.
	 * @param location where the spec is, as configured, for messages
	 * @param spec the spec
	 * @param registry the application's functions
	 * @return the routes of the spec
	 * @throws FunctionDefinitionException listing every problem of the spec
	 */
	public static GatewayRoutes read(String location, Resource spec, FunctionRegistry registry) {
		return new GatewaySpecReader(location, registry).read(spec);
	}

	private GatewayRoutes read(Resource spec) {
		OpenAPI openApi = parse(spec);
		boolean ignoreTrailingSlashes = ignoreTrailingSlashes(openApi);
		CorsRule topLevelCors = cors(openApi, "x-yc-apigateway.cors", gateway(openApi).get("cors"));
		readSecuritySchemes(openApi);
		List<GatewayOperation> operations = new ArrayList<>();
		Map<String, GatewayOperation> shapes = new HashMap<>();
		if (openApi.getPaths() != null) {
			openApi.getPaths().forEach((path, item) -> {
				PathTemplate template = this.problems.attempt(() -> template(path, ignoreTrailingSlashes));
				if (template == null) {
					return;
				}
				List<GatewayOperation.Parameter> pathParameters = parameters(item.getParameters());
				Map<String, Object> extensions = (item.getExtensions() != null) ? item.getExtensions() : Map.of();
				CorsRule cors = extensions.containsKey(CORS) ? cors(openApi, path, extensions.get(CORS)) : topLevelCors;
				item.readOperationsMap().forEach((method, operation) -> add(operations, shapes,
						operation(openApi, template, method.name(), operation.getOperationId(),
								merge(pathParameters, parameters(operation.getParameters())), operation.getExtensions(),
								cors, (operation.getSecurity() != null) ? operation.getSecurity() : openApi.getSecurity())));
				if (extensions.get(ANY_METHOD) instanceof Map<?, ?> any) {
					add(operations, shapes, operation(openApi, template, null, text(any.get("operationId")),
							merge(pathParameters, rawParameters(openApi, any.get("parameters"))), any, cors,
							any.containsKey("security") ? any.get("security") : openApi.getSecurity()));
				}
			});
		}
		this.problems.throwIfAny();
		return new GatewayRoutes(operations, this.directRoutes, this.authorizersNotEmulated);
	}

	private OpenAPI parse(Resource spec) {
		String text;
		try {
			text = spec.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new FunctionDefinitionException(
					"API Gateway spec " + this.location + " cannot be read: " + ex.getMessage(),
					"Set function-runtime.api-gateway.spec to the spec's location, such as 'classpath:apigw.yaml' "
							+ "or 'file:./apigw.yaml'.");
		}
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setResolveFully(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
		List<String> messages = (result.getMessages() != null)
				? result.getMessages().stream().filter((message) -> !TOLERATED.matcher(message).find()).toList()
				: List.of();
		if (result.getOpenAPI() == null || !messages.isEmpty()) {
			throw new FunctionDefinitionException("API Gateway spec " + this.location
					+ " is not a valid OpenAPI 3.0 spec: " + (messages.isEmpty() ? "it is empty" : String.join("; ", messages)),
					"Correct the spec so that it reads as OpenAPI 3.0 (YAML or JSON), as the gateway requires.");
		}
		return result.getOpenAPI();
	}

	private PathTemplate template(String path, boolean ignoreTrailingSlashes) {
		try {
			return PathTemplate.parse(path, ignoreTrailingSlashes);
		}
		catch (IllegalArgumentException ex) {
			throw problem(path, ex.getMessage(), "Write each parameter as a whole segment, {name} or {name+} "
					+ "(greedy, last segment only).");
		}
	}

	private static boolean ignoreTrailingSlashes(OpenAPI openApi) {
		Object ignore = gateway(openApi).get("ignoreTrailingSlashes");
		return !Boolean.FALSE.equals(ignore) && !"false".equals(String.valueOf(ignore));
	}

	/** @return the top-level {@code x-yc-apigateway}, empty when there is none */
	private static Map<?, ?> gateway(OpenAPI openApi) {
		Object gateway = (openApi.getExtensions() != null) ? openApi.getExtensions().get("x-yc-apigateway") : null;
		return (gateway instanceof Map<?, ?> map) ? map : Map.of();
	}

	/**
	 * Reads a CORS rule, written in place or as a {@code $ref} to
	 * {@code components.x-yc-apigateway-cors-rules}.
	 * @return the rule, or {@code null} when there is none or it says {@code origin: false}
	 */
	private CorsRule cors(OpenAPI openApi, String where, Object declared) {
		if (declared == null) {
			return null;
		}
		if (!(declared instanceof Map<?, ?> rule)) {
			this.problems.add(problem(where, "its CORS rule is no object", "Write the rule as {origin: ..., "
					+ "methods: ..., ...}, or as {$ref: '#/components/" + CORS_RULES + "/<name>'}."));
			return null;
		}
		Map<?, ?> resolved = resolve(openApi, where, rule, CORS_RULES, "CORS rule");
		if (resolved == null) {
			return null;
		}
		try {
			return CorsRule.of(resolved);
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(problem(where, "its CORS rule is not one the gateway accepts: " + ex.getMessage(),
					"Give the rule an origin (true, false, a string or a list), and whole numbers for maxAge and "
							+ "optionsSuccessStatus."));
			return null;
		}
	}

	private void add(List<GatewayOperation> operations, Map<String, GatewayOperation> shapes,
			GatewayOperation operation) {
		if (operation == null) {
			return;
		}
		String key = operation.method() + " " + operation.path().shape();
		GatewayOperation taken = shapes.putIfAbsent(key, operation);
		if (taken != null) {
			this.problems.add(problem(operation.path().toString(),
					operation.describe() + " is the same route as " + taken.describe()
							+ " (the gateway matches paths with any parameter names"
							+ (operation.path().toString().endsWith("/") || taken.path().toString().endsWith("/")
									? " and, with ignoreTrailingSlashes, without a trailing slash" : "")
							+ ")",
					"Keep one of the two operations, or merge their paths."));
			return;
		}
		operations.add(operation);
	}

	private GatewayOperation operation(OpenAPI openApi, PathTemplate path, String method, String operationId,
			List<GatewayOperation.Parameter> parameters, Map<?, ?> extensions, CorsRule cors, Object security) {
		String name = ((method != null) ? method.toUpperCase(Locale.ROOT) : ANY_METHOD) + " " + path;
		Object declared = (extensions != null) ? extensions.get(INTEGRATION) : null;
		if (!(declared instanceof Map<?, ?> integration)) {
			this.problems.add(problem(name, "it has no " + INTEGRATION,
					"Give the operation an x-yc-apigateway-integration, such as {type: cloud_functions, "
							+ "function_id: <id>}."));
			return null;
		}
		Map<?, ?> resolved = resolve(openApi, name, integration, INTEGRATIONS, "integration");
		if (resolved == null) {
			return null;
		}
		GatewayOperation.Integration parsed = integration(name, resolved);
		if (parsed == null) {
			return null;
		}
		FunctionDefinition function = null;
		if (GatewayOperation.Integration.CLOUD_FUNCTIONS.equals(parsed.type())) {
			function = this.functionsById.get(parsed.functionId());
			if (function == null) {
				this.problems.add(problem(name, "function_id '" + parsed.functionId()
						+ "' is no function's id; the functions' ids are " + new TreeSet<>(this.functionsById.keySet()),
						"Set function-runtime.functions[<entry point>].id of the function that serves it to '"
								+ parsed.functionId() + "', or change function_id in the spec."));
				return null;
			}
		}
		return new GatewayOperation((method != null) ? method.toUpperCase(Locale.ROOT) : null, path, operationId,
				parameters, parsed, function, cors, security(name, security));
	}

	/**
	 * Reads the security schemes with an {@code x-yc-apigateway-authorizer}: a function
	 * authorizer is emulated, other types are listed as not emulated.
	 */
	private void readSecuritySchemes(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSecuritySchemes() == null) {
			return;
		}
		openApi.getComponents().getSecuritySchemes().forEach((name, scheme) -> {
			this.declaredSchemes.add(name);
			Object declared = (scheme.getExtensions() != null) ? scheme.getExtensions().get(AUTHORIZER) : null;
			if (!(declared instanceof Map<?, ?> authorizer)) {
				return;
			}
			String type = text(authorizer.get("type"));
			if (!"function".equals(type)) {
				this.authorizersNotEmulated.add(name + " (" + type + ")");
				return;
			}
			SecurityScheme read = this.problems.attempt(() -> securityScheme(name, scheme, authorizer));
			if (read != null) {
				this.authorizedSchemes.put(name, read);
			}
		});
	}

	private SecurityScheme securityScheme(String name, io.swagger.v3.oas.models.security.SecurityScheme scheme,
			Map<?, ?> authorizer) {
		String where = "components.securitySchemes." + name;
		String in = credentialPlace(scheme);
		if (in == null) {
			throw problem(where, "a function authorizer needs a scheme of type http (basic or bearer) or apiKey",
					"Set type: http with scheme: bearer or basic, or type: apiKey with in: header, query or cookie "
							+ "and a name.");
		}
		String functionId = text(authorizer.get("function_id"));
		FunctionDefinition function = (functionId != null) ? this.functionsById.get(functionId) : null;
		if (function == null) {
			throw problem(where, "its function authorizer's function_id '" + functionId
					+ "' is no function's id; the functions' ids are " + new TreeSet<>(this.functionsById.keySet()),
					"Set function-runtime.functions[<entry point>].id of the authorizer function to '" + functionId
							+ "', or change function_id in the spec.");
		}
		Object ttl = authorizer.get("authorizer_result_ttl_in_seconds");
		if (ttl != null && !(ttl instanceof Integer seconds && seconds >= 0)) {
			throw problem(where, "authorizer_result_ttl_in_seconds '" + ttl + "' is not a whole number of seconds",
					"Set authorizer_result_ttl_in_seconds to a number of seconds, or remove it to call the "
							+ "authorizer on every request.");
		}
		String mode = text(authorizer.get("authorizer_result_caching_mode"));
		if (mode != null && !mode.equals("path") && !mode.equals("URI")) {
			throw problem(where, "authorizer_result_caching_mode '" + mode + "' is neither path nor URI",
					"Set authorizer_result_caching_mode to path (the default) or URI.");
		}
		return new SecurityScheme(name, in, scheme.getName(), function,
				(ttl != null && (Integer) ttl > 0) ? Duration.ofSeconds((Integer) ttl) : null, "URI".equals(mode));
	}

	/** @return {@code basic}, {@code bearer}, {@code header}, {@code query} or {@code cookie} */
	private static String credentialPlace(io.swagger.v3.oas.models.security.SecurityScheme scheme) {
		if (scheme.getType() == io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP
				&& scheme.getScheme() != null) {
			String kind = scheme.getScheme().toLowerCase(Locale.ROOT);
			return (kind.equals("basic") || kind.equals("bearer")) ? kind : null;
		}
		if (scheme.getType() == io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY
				&& scheme.getIn() != null && scheme.getName() != null) {
			return scheme.getIn().toString();
		}
		return null;
	}

	/**
	 * Reads an operation's {@code security}: its requirements that name function
	 * authorizers. A requirement that names none lets every request through, as do
	 * schemes without a function authorizer.
	 */
	private List<List<SecurityScheme>> security(String name, Object security) {
		List<List<SecurityScheme>> requirements = new ArrayList<>();
		if (!(security instanceof List<?> declared)) {
			return requirements;
		}
		for (Object requirement : declared) {
			List<SecurityScheme> schemes = new ArrayList<>();
			Map<?, ?> names = (requirement instanceof Map<?, ?> map) ? map : Map.of();
			for (Object scheme : names.keySet()) {
				SecurityScheme authorized = this.authorizedSchemes.get(String.valueOf(scheme));
				if (authorized != null) {
					schemes.add(authorized);
				}
				else if (!this.declaredSchemes.contains(String.valueOf(scheme))) {
					this.problems.add(problem(name, "its security names the scheme '" + scheme
							+ "', which components.securitySchemes does not define",
							"Define the scheme under components.securitySchemes, or correct its name."));
				}
			}
			if (schemes.isEmpty()) {
				return List.of();
			}
			requirements.add(List.copyOf(schemes));
		}
		return List.copyOf(requirements);
	}

	/**
	 * Resolves an extension written as a {@code $ref} to one under {@code components}.
	 * @return the extension, or {@code null} when the {@code $ref} names nothing
	 */
	private Map<?, ?> resolve(OpenAPI openApi, String where, Map<?, ?> declared, String components, String what) {
		Object ref = declared.get("$ref");
		if (ref == null) {
			return declared;
		}
		String text = String.valueOf(ref);
		String prefix = "#/components/" + components + "/";
		Object all = (openApi.getComponents() != null && openApi.getComponents().getExtensions() != null)
				? openApi.getComponents().getExtensions().get(components) : null;
		Object target = (text.startsWith(prefix) && all instanceof Map<?, ?> map)
				? map.get(text.substring(prefix.length())) : null;
		if (!(target instanceof Map<?, ?> found)) {
			this.problems.add(problem(where, "its " + what + " $ref '" + text + "' names no " + what,
					"Define it under components." + components + ", or correct the $ref."));
			return null;
		}
		return found;
	}

	private GatewayOperation.Integration integration(String name, Map<?, ?> integration) {
		String type = text(integration.get("type"));
		String version = text(integration.get("payload_format_version"));
		if (type == null) {
			this.problems.add(problem(name, "its integration has no type",
					"Set type: cloud_functions and function_id: <id>."));
			return null;
		}
		if (!GatewayOperation.Integration.CLOUD_FUNCTIONS.equals(type)) {
			return new GatewayOperation.Integration(type, null, null, null);
		}
		String functionId = text(integration.get("function_id"));
		if (functionId == null) {
			this.problems.add(problem(name, "its cloud_functions integration has no function_id",
					"Set function_id to the id of the function that serves it."));
			return null;
		}
		if (version != null && !PAYLOAD_FORMAT_VERSIONS.contains(version)) {
			this.problems.add(problem(name, "payload_format_version '" + version + "' is not emulated",
					"Use payload_format_version \"0.1\" (the default) or \"1.0\"; write it quoted, as a string."));
			return null;
		}
		return new GatewayOperation.Integration(type, functionId, (version != null) ? version : "0.1",
				integration.get("context"));
	}

	private static List<GatewayOperation.Parameter> parameters(List<Parameter> parameters) {
		List<GatewayOperation.Parameter> declared = new ArrayList<>();
		if (parameters != null) {
			parameters.forEach((parameter) -> declared.add(parameter(parameter.getName(), parameter.getIn())));
		}
		return declared;
	}

	private static List<GatewayOperation.Parameter> rawParameters(OpenAPI openApi, Object parameters) {
		List<GatewayOperation.Parameter> declared = new ArrayList<>();
		if (parameters instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map && map.get("$ref") != null) {
					Parameter parameter = referenced(openApi, String.valueOf(map.get("$ref")));
					if (parameter != null) {
						declared.add(parameter(parameter.getName(), parameter.getIn()));
					}
				}
				else if (item instanceof Map<?, ?> map) {
					declared.add(parameter(text(map.get("name")), text(map.get("in"))));
				}
			}
		}
		return declared;
	}

	private static Parameter referenced(OpenAPI openApi, String ref) {
		String prefix = "#/components/parameters/";
		return (ref.startsWith(prefix) && openApi.getComponents() != null
				&& openApi.getComponents().getParameters() != null)
						? openApi.getComponents().getParameters().get(ref.substring(prefix.length())) : null;
	}

	private static GatewayOperation.Parameter parameter(String name, String in) {
		String plain = (name != null && name.endsWith("+")) ? name.substring(0, name.length() - 1) : name;
		return new GatewayOperation.Parameter(plain, in);
	}

	/** An operation's parameter replaces the path's parameter of the same name and place. */
	private static List<GatewayOperation.Parameter> merge(List<GatewayOperation.Parameter> path,
			List<GatewayOperation.Parameter> operation) {
		Map<GatewayOperation.Parameter, GatewayOperation.Parameter> merged = new LinkedHashMap<>();
		path.forEach((parameter) -> merged.put(parameter, parameter));
		operation.forEach((parameter) -> merged.put(parameter, parameter));
		return List.copyOf(merged.values());
	}

	private static String text(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	private FunctionDefinitionException problem(String where, String what, String fix) {
		return new FunctionDefinitionException("API Gateway spec " + this.location + ", " + where + ": " + what + ".",
				fix);
	}

}
