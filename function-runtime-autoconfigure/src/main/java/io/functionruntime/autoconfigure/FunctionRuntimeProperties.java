package io.functionruntime.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of function-runtime: limits, defaults for every function, and settings
 * per function keyed by entry point.
 */
@ConfigurationProperties("function-runtime")
public class FunctionRuntimeProperties {

	/**
	 * Entry point or function id served at "/". Needed only when there is more than one
	 * function; with one function, that one is the default.
	 */
	private String defaultFunction;

	/**
	 * Largest event accepted, counting the body as it stands in the event (Base64 for
	 * everything but application/json). Larger requests are answered 413 without being
	 * read.
	 */
	private DataSize maxEventSize = DataSize.ofBytes(3_670_016);

	/**
	 * Largest result a function may return, as its JSON text in HTTP mode or the bytes
	 * written in raw mode. A larger one is answered 502 ProxyIntegrationError.
	 */
	private DataSize maxResponseSize = DataSize.ofBytes(3_670_016);

	/**
	 * How long a client may take to send a function call's body once its headers arrived;
	 * a body still incomplete then is answered 408. No thread waits for a slow body.
	 */
	private Duration bodyReadTimeout = Duration.ofSeconds(30);

	/**
	 * Whether to lift every function's timeout, so that a call held in a debugger is not
	 * answered 504 and its instance not retired. For debugging only: a stuck call then
	 * holds its instance for good.
	 */
	private boolean liftTimeouts;

	/**
	 * Whether the process exits (status 70) when a thread dies of a fatal error of the JVM,
	 * such as running out of memory, so that the platform restarts a server that may no
	 * longer answer. Either way the liveness state becomes BROKEN.
	 */
	private boolean exitOnFatalError = true;

	/**
	 * Whether the error response of a failed handler carries its stack trace. Turn it off
	 * for functions that are reachable from the internet.
	 */
	private boolean includeStackTrace = true;

	/**
	 * Settings that apply to every function unless it overrides them.
	 */
	private final InstanceLimits defaults = InstanceLimits.defaults();

	/**
	 * Classes of the cloud's Java models (Function, YcFunction, HttpServlet) served as
	 * functions without any annotation, by fully qualified name; each one's entry point
	 * and route is its class name. A class that is not a bean is created with its public
	 * no-arg constructor, one object per instance.
	 */
	private List<String> classes = new ArrayList<>();

	/**
	 * Entry point of a function that hands each event to the application's own
	 * DispatcherServlet, as the cloud runs a Spring Boot application as a function. None by
	 * default.
	 */
	private String springBootFunction;

	/**
	 * Settings per function, keyed by entry point. In YAML, write the key in brackets so
	 * that its dot is kept: "[main.handler]"; as an environment variable,
	 * FUNCTION_RUNTIME_FUNCTIONS_MAIN_HANDLER_TIMEOUT. A key that names no function or
	 * setting stops startup.
	 */
	private final Map<String, Function> functions = new LinkedHashMap<>();

	/**
	 * Where the IAM token of the context comes from.
	 */
	private final Token token = new Token();

	/**
	 * How the per-call START, END and REPORT lines of the logger function-runtime.router
	 * are written.
	 */
	private final RouterLog routerLog = new RouterLog();

	public String getDefaultFunction() {
		return this.defaultFunction;
	}

	public void setDefaultFunction(String defaultFunction) {
		this.defaultFunction = defaultFunction;
	}

	public List<String> getClasses() {
		return this.classes;
	}

	public void setClasses(List<String> classes) {
		this.classes = classes;
	}

	public String getSpringBootFunction() {
		return this.springBootFunction;
	}

	public void setSpringBootFunction(String springBootFunction) {
		this.springBootFunction = springBootFunction;
	}

	public DataSize getMaxEventSize() {
		return this.maxEventSize;
	}

	public void setMaxEventSize(DataSize maxEventSize) {
		this.maxEventSize = maxEventSize;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Duration getBodyReadTimeout() {
		return this.bodyReadTimeout;
	}

	public void setBodyReadTimeout(Duration bodyReadTimeout) {
		this.bodyReadTimeout = bodyReadTimeout;
	}

	public boolean isLiftTimeouts() {
		return this.liftTimeouts;
	}

	public void setLiftTimeouts(boolean liftTimeouts) {
		this.liftTimeouts = liftTimeouts;
	}

	public boolean isExitOnFatalError() {
		return this.exitOnFatalError;
	}

	public void setExitOnFatalError(boolean exitOnFatalError) {
		this.exitOnFatalError = exitOnFatalError;
	}

	public boolean isIncludeStackTrace() {
		return this.includeStackTrace;
	}

	public void setIncludeStackTrace(boolean includeStackTrace) {
		this.includeStackTrace = includeStackTrace;
	}

	public InstanceLimits getDefaults() {
		return this.defaults;
	}

	public Map<String, Function> getFunctions() {
		return this.functions;
	}

	public Token getToken() {
		return this.token;
	}

	public RouterLog getRouterLog() {
		return this.routerLog;
	}

	/**
	 * How the per-call log lines are written.
	 */
	public static class RouterLog {

		/**
		 * Whether the START, END and REPORT lines are handed to a background thread while
		 * another line is being written, in order and with the call's MDC, so that calls
		 * do not wait for the console; a line is written at once when nothing else is.
		 * Handed-over lines may trail the handler's own lines by up to a few
		 * milliseconds; false writes every line on the call's thread.
		 */
		private boolean async = true;

		/**
		 * How many lines may wait for the background thread before calls help write them.
		 */
		private int queueCapacity = 8192;

		public boolean isAsync() {
			return this.async;
		}

		public void setAsync(boolean async) {
			this.async = async;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

	/**
	 * How a function's instances run: the defaults of every function, and each function's
	 * own values, which override them. A value left out of a function's settings is the
	 * default's.
	 */
	public static class InstanceLimits {

		/**
		 * How long one call may take, waiting for an instance and cold start included. At
		 * most 10 minutes.
		 */
		private Duration timeout;

		/**
		 * Memory limit reported in the context and the logs. It is not enforced.
		 */
		private DataSize memoryLimit;

		/**
		 * How many calls one instance serves at once, from 1 to 16.
		 */
		private Integer concurrency;

		/**
		 * How many instances of a function may run. More than one needs a prototype-scoped
		 * handler bean, so that each instance has its own object.
		 */
		private Integer instancesLimit;

		/**
		 * How many instances are created and initialised at startup.
		 */
		private Integer provisionedInstances;

		/**
		 * How many calls may be in flight or waiting for an instance; more are answered
		 * 429 at once. Defaults to 10 × instances-limit × concurrency.
		 */
		private Integer requestsLimit;

		/**
		 * Environment variables of the function, read from its Context over the process's
		 * own, as the cloud gives each function version its own environment. A function's
		 * variables add to those of the defaults, replacing one of the same name.
		 */
		private Map<String, String> environment = new LinkedHashMap<>();

		static InstanceLimits defaults() {
			InstanceLimits defaults = new InstanceLimits();
			defaults.setTimeout(Duration.ofSeconds(3));
			defaults.setMemoryLimit(DataSize.ofMegabytes(128));
			defaults.setConcurrency(1);
			defaults.setInstancesLimit(1);
			defaults.setProvisionedInstances(0);
			return defaults;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public DataSize getMemoryLimit() {
			return this.memoryLimit;
		}

		public void setMemoryLimit(DataSize memoryLimit) {
			this.memoryLimit = memoryLimit;
		}

		public Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(Integer concurrency) {
			this.concurrency = concurrency;
		}

		public Integer getInstancesLimit() {
			return this.instancesLimit;
		}

		public void setInstancesLimit(Integer instancesLimit) {
			this.instancesLimit = instancesLimit;
		}

		public Integer getProvisionedInstances() {
			return this.provisionedInstances;
		}

		public void setProvisionedInstances(Integer provisionedInstances) {
			this.provisionedInstances = provisionedInstances;
		}

		public Integer getRequestsLimit() {
			return this.requestsLimit;
		}

		public void setRequestsLimit(Integer requestsLimit) {
			this.requestsLimit = requestsLimit;
		}

		public Map<String, String> getEnvironment() {
			return this.environment;
		}

		public void setEnvironment(Map<String, String> environment) {
			this.environment = environment;
		}

	}

	/**
	 * One function's identity, and the defaults it overrides.
	 */
	public static class Function extends InstanceLimits {

		/**
		 * Function id, also a route: "/{id}" reaches the function. Defaults to a stable
		 * 20-character id generated from the entry point.
		 */
		private String id;

		/**
		 * Function name, shown in logs and in the MDC as functionName. Defaults to the
		 * entry point.
		 */
		private String name;

		/**
		 * Version id reported in the context and the logs. Defaults to a stable generated
		 * id.
		 */
		private String versionId;

		/**
		 * Log group id reported in the context. Defaults to a stable generated id.
		 */
		private String logGroupId;

		/**
		 * Folder of the function, "function_folder_id" in the context. Defaults to a stable
		 * generated id shared by every function of the application.
		 */
		private String folderId;

		/**
		 * Whether the function has a service account, so that its context carries the IAM
		 * token; without one, as in the cloud, the context has no token.
		 */
		private boolean serviceAccount = true;

		/**
		 * Whether anyone may call the function. A private function (false) answers only
		 * calls with an "Authorization: Bearer" token that the application's JwtDecoder,
		 * OpaqueTokenIntrospector or function-runtime.security.static-tokens accept, and
		 * needs Spring Security's resource server on the classpath.
		 */
		private boolean isPublic = true;

		/**
		 * Principal names that may call the function when it is private; the others get
		 * 403. Empty lets every caller with a valid token call it.
		 */
		private List<String> invokers = new ArrayList<>();

		/**
		 * How many times an asynchronous call (?integration=async) that failed or timed
		 * out is tried again, from 0 to 100.
		 */
		private int asyncRetries;

		/**
		 * How long to wait before each retry of an asynchronous call.
		 */
		private Duration asyncRetryDelay = Duration.ofSeconds(1);

		/**
		 * URL of the queue that gets the result of each successful asynchronous call.
		 * Without one, results are discarded.
		 */
		private String asyncSuccessQueueUrl;

		/**
		 * URL of the queue that gets the error of each asynchronous call whose retries all
		 * failed. Without one, the error is only logged.
		 */
		private String asyncFailureQueueUrl;

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getVersionId() {
			return this.versionId;
		}

		public void setVersionId(String versionId) {
			this.versionId = versionId;
		}

		public String getLogGroupId() {
			return this.logGroupId;
		}

		public void setLogGroupId(String logGroupId) {
			this.logGroupId = logGroupId;
		}

		public String getFolderId() {
			return this.folderId;
		}

		public void setFolderId(String folderId) {
			this.folderId = folderId;
		}

		public boolean isServiceAccount() {
			return this.serviceAccount;
		}

		public void setServiceAccount(boolean serviceAccount) {
			this.serviceAccount = serviceAccount;
		}

		public boolean isPublic() {
			return this.isPublic;
		}

		public void setPublic(boolean isPublic) {
			this.isPublic = isPublic;
		}

		public List<String> getInvokers() {
			return this.invokers;
		}

		public void setInvokers(List<String> invokers) {
			this.invokers = invokers;
		}

		public int getAsyncRetries() {
			return this.asyncRetries;
		}

		public void setAsyncRetries(int asyncRetries) {
			this.asyncRetries = asyncRetries;
		}

		public Duration getAsyncRetryDelay() {
			return this.asyncRetryDelay;
		}

		public void setAsyncRetryDelay(Duration asyncRetryDelay) {
			this.asyncRetryDelay = asyncRetryDelay;
		}

		public String getAsyncSuccessQueueUrl() {
			return this.asyncSuccessQueueUrl;
		}

		public void setAsyncSuccessQueueUrl(String asyncSuccessQueueUrl) {
			this.asyncSuccessQueueUrl = asyncSuccessQueueUrl;
		}

		public String getAsyncFailureQueueUrl() {
			return this.asyncFailureQueueUrl;
		}

		public void setAsyncFailureQueueUrl(String asyncFailureQueueUrl) {
			this.asyncFailureQueueUrl = asyncFailureQueueUrl;
		}

	}

	/**
	 * Where the IAM token of the context comes from.
	 */
	public static class Token {

		/**
		 * Token source: none (the context has no token), static (the value below) or
		 * metadata (the metadata service of the VM or container).
		 */
		private TokenSource source = TokenSource.NONE;

		/**
		 * The token, for the static source. Take it from an environment variable
		 * (FUNCTION_RUNTIME_TOKEN_VALUE) rather than writing it in a file.
		 */
		private String value;

		/**
		 * Lifetime of the static token from startup; expires_in counts down from it.
		 */
		private Duration expiresIn = Duration.ofHours(12);

		/**
		 * Base URL of the metadata service, for the metadata source.
		 */
		private String metadataUrl = "http://169.254.169.254";

		/**
		 * How long to wait for a connection to the metadata service.
		 */
		private Duration connectTimeout = Duration.ofSeconds(1);

		/**
		 * How long to wait for the metadata service's answer headers; the whole exchange,
		 * body included, is abandoned after connect-timeout plus read-timeout.
		 */
		private Duration readTimeout = Duration.ofSeconds(2);

		/**
		 * How long before its expiry a token is refreshed. Defaults to a tenth of its
		 * lifetime.
		 */
		private Duration refreshBefore;

		/**
		 * How long to wait before asking the metadata service again after a failure.
		 */
		private Duration retryInterval = Duration.ofSeconds(10);

		public TokenSource getSource() {
			return this.source;
		}

		public void setSource(TokenSource source) {
			this.source = source;
		}

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public Duration getExpiresIn() {
			return this.expiresIn;
		}

		public void setExpiresIn(Duration expiresIn) {
			this.expiresIn = expiresIn;
		}

		public String getMetadataUrl() {
			return this.metadataUrl;
		}

		public void setMetadataUrl(String metadataUrl) {
			this.metadataUrl = metadataUrl;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public Duration getRefreshBefore() {
			return this.refreshBefore;
		}

		public void setRefreshBefore(Duration refreshBefore) {
			this.refreshBefore = refreshBefore;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

	}

	/**
	 * Where the IAM token comes from.
	 */
	public enum TokenSource {

		/** No token: the context's token is absent. */
		NONE,

		/** A token from configuration. */
		STATIC,

		/** The metadata service, as on a cloud VM or in a serverless container. */
		METADATA

	}

}
