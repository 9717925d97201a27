package io.functionruntime;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The invocation context: request id, deadline, function identity, IAM token and the
 * function's environment variables.
 * <p>
 * It serialises with the snake_case names of the cloud's Python context (what
 * {@code json.dumps(context, default=vars)} prints), and offers the accessors of every
 * variant of the cloud's Java {@code Context}, so code written for any of them reads
 * naturally. {@code function_name} is the function id, as in the cloud.
 */
@JsonAutoDetect(getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
		fieldVisibility = Visibility.NONE)
@JsonPropertyOrder({ "aws_request_id", "deadline_ms", "function_folder_id", "function_name", "function_version",
		"invoked_function_arn", "log_group_name", "log_stream_name", "memory_limit_in_mb", "request_id", "token" })
public final class Context {

	private final String requestId;

	private final long deadlineMs;

	private final String functionId;

	private final String functionVersionId;

	private final String functionFolderId;

	private final String logGroupName;

	private final int memoryLimitInMB;

	private final IamToken token;

	private final Executor executor;

	private final Map<String, String> environment;

	/**
	 * Creates a context.
	 * @param requestId the request id
	 * @param deadlineMs epoch milliseconds at which the invocation times out
	 * @param functionId the function id
	 * @param functionVersionId the function version id
	 * @param logGroupName the log group id
	 * @param memoryLimitInMB the memory limit in megabytes
	 * @param token the IAM token, or {@code null} when there is none
	 */
	public Context(String requestId, long deadlineMs, String functionId, String functionVersionId,
			String logGroupName, int memoryLimitInMB, IamToken token) {
		this(requestId, deadlineMs, functionId, functionVersionId, logGroupName, memoryLimitInMB, token, Runnable::run);
	}

	/**
	 * Creates a context whose {@link #getExecutor() executor} is given.
	 * @param requestId the request id
	 * @param deadlineMs epoch milliseconds at which the invocation times out
	 * @param functionId the function id
	 * @param functionVersionId the function version id
	 * @param logGroupName the log group id
	 * @param memoryLimitInMB the memory limit in megabytes
	 * @param token the IAM token, or {@code null} when there is none
	 * @param executor runs the handler's asynchronous work
	 */
	public Context(String requestId, long deadlineMs, String functionId, String functionVersionId,
			String logGroupName, int memoryLimitInMB, IamToken token, Executor executor) {
		this(requestId, deadlineMs, functionId, functionVersionId, "", logGroupName, memoryLimitInMB, token,
				executor);
	}

	/**
	 * Creates a context with every field the cloud's context has.
	 * @param requestId the request id
	 * @param deadlineMs epoch milliseconds at which the invocation times out
	 * @param functionId the function id
	 * @param functionVersionId the function version id
	 * @param functionFolderId the folder of the function
	 * @param logGroupName the log group id
	 * @param memoryLimitInMB the memory limit in megabytes
	 * @param token the IAM token, or {@code null} when there is none
	 * @param executor runs the handler's asynchronous work
	 */
	public Context(String requestId, long deadlineMs, String functionId, String functionVersionId,
			String functionFolderId, String logGroupName, int memoryLimitInMB, IamToken token, Executor executor) {
		this(requestId, deadlineMs, functionId, functionVersionId, functionFolderId, logGroupName, memoryLimitInMB,
				token, executor, Map.of());
	}

	/**
	 * Creates a context whose function has environment variables of its own.
	 * @param requestId the request id
	 * @param deadlineMs epoch milliseconds at which the invocation times out
	 * @param functionId the function id
	 * @param functionVersionId the function version id
	 * @param functionFolderId the folder of the function
	 * @param logGroupName the log group id
	 * @param memoryLimitInMB the memory limit in megabytes
	 * @param token the IAM token, or {@code null} when there is none
	 * @param executor runs the handler's asynchronous work
	 * @param environment the function's own environment variables, which
	 * {@link #getenv(String)} gives over the process's environment
	 */
	public Context(String requestId, long deadlineMs, String functionId, String functionVersionId,
			String functionFolderId, String logGroupName, int memoryLimitInMB, IamToken token, Executor executor,
			Map<String, String> environment) {
		this.requestId = requestId;
		this.deadlineMs = deadlineMs;
		this.functionId = functionId;
		this.functionVersionId = functionVersionId;
		this.functionFolderId = functionFolderId;
		this.logGroupName = logGroupName;
		this.memoryLimitInMB = memoryLimitInMB;
		this.token = token;
		this.executor = executor;
		this.environment = environment;
	}

	/** @return the folder of the function, as the cloud's newest contexts give it */
	@JsonProperty("function_folder_id")
	public String getFunctionFolderId() {
		return this.functionFolderId;
	}

	/** @return the request id */
	@JsonProperty("request_id")
	public String getRequestId() {
		return this.requestId;
	}

	/** @return the request id, under the name of the AWS-compatible context */
	@JsonProperty("aws_request_id")
	public String getAwsRequestId() {
		return this.requestId;
	}

	/** @return the function id */
	public String getFunctionId() {
		return this.functionId;
	}

	/** @return the function id, which the cloud reports as the function name */
	@JsonProperty("function_name")
	public String getFunctionName() {
		return this.functionId;
	}

	/** @return the function id, under the name of the AWS-compatible context */
	@JsonProperty("invoked_function_arn")
	public String getInvokedFunctionArn() {
		return this.functionId;
	}

	/** @return the function version id */
	@JsonProperty("function_version")
	public String getFunctionVersion() {
		return this.functionVersionId;
	}

	/** @return the function version id */
	public String getFunctionVersionId() {
		return this.functionVersionId;
	}

	/** @return the memory limit in megabytes */
	@JsonProperty("memory_limit_in_mb")
	public int getMemoryLimitInMB() {
		return this.memoryLimitInMB;
	}

	/** @return the memory limit in megabytes */
	public int getMemoryLimit() {
		return this.memoryLimitInMB;
	}

	/** @return the log group id */
	@JsonProperty("log_group_name")
	public String getLogGroupName() {
		return this.logGroupName;
	}

	/** @return the log stream, which the cloud names after the version id */
	@JsonProperty("log_stream_name")
	public String getLogStreamName() {
		return this.functionVersionId;
	}

	/** @return the log stream, which the cloud names after the version id */
	public String getStreamName() {
		return this.functionVersionId;
	}

	/** @return the IAM token, or {@code null} when none is configured or available */
	@JsonProperty("token")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public IamToken getToken() {
		return this.token;
	}

	/** @return the IAM token as JSON text, or an empty string without a token */
	public String getTokenJson() {
		return (this.token != null) ? this.token.toJson() : "";
	}

	/** @return epoch milliseconds at which the invocation times out */
	@JsonProperty("deadline_ms")
	public long getDeadlineMs() {
		return this.deadlineMs;
	}

	/** @return milliseconds left until the deadline, never negative */
	public long getRemainingTimeInMillis() {
		return Math.max(0, this.deadlineMs - System.currentTimeMillis());
	}

	/**
	 * Returns an executor for the handler's asynchronous work, such as
	 * {@code CompletableFuture.supplyAsync(task, context.getExecutor())}: it runs on the
	 * runtime's worker threads with this call's {@code requestId} and {@code functionName}
	 * in the MDC, as the handler itself does.
	 * @return the executor
	 */
	public Executor getExecutor() {
		return this.executor;
	}

	/**
	 * Returns an environment variable as the function sees it: its own, from
	 * {@code function-runtime.functions[<entry point>].environment}, else the process's.
	 * Read variables here rather than from {@link System#getenv(String)}: one process
	 * serves several functions, where the cloud gives each function version its own
	 * environment.
	 * @param name the variable's name
	 * @return its value, or {@code null} when it is not set
	 */
	public String getenv(String name) {
		String own = this.environment.get(name);
		return (own != null) ? own : System.getenv(name);
	}

	/**
	 * Returns the function's environment: the process's variables with the function's own
	 * over them, as {@link #getenv(String)} reads them one by one.
	 * @return an unmodifiable map of every variable
	 */
	public Map<String, String> getEnvironment() {
		Map<String, String> environment = new HashMap<>(System.getenv());
		environment.putAll(this.environment);
		return Collections.unmodifiableMap(environment);
	}

	@Override
	public String toString() {
		return "Context[requestId=" + this.requestId + ", functionId=" + this.functionId + ", deadlineMs="
				+ this.deadlineMs + "]";
	}

}
