package io.functionruntime.test;

import java.time.Duration;
import java.util.UUID;

import io.functionruntime.Context;
import io.functionruntime.IamToken;

/**
 * Builds a {@link Context} to call a handler method directly in a unit test. By default it
 * has a random request id, a deadline three seconds from {@link #build()}, fixed test ids
 * of the cloud's form ({@code d4etestfunction00001}, {@code d4etestversion000001},
 * {@code b1gtestfolder0000001}, {@code ckgtestloggroup00001}), 128 MB and no token.
 * <pre class="code">
 * Context context = ContextBuilder.context().timeout(Duration.ofSeconds(10)).build();
 * </pre>
 */
public final class ContextBuilder {

	private String requestId = UUID.randomUUID().toString();

	private Duration timeout = Duration.ofSeconds(3);

	private String functionId = "d4etestfunction00001";

	private String versionId = "d4etestversion000001";

	private String folderId = "b1gtestfolder0000001";

	private String logGroupId = "ckgtestloggroup00001";

	private int memoryLimitMb = 128;

	private IamToken token;

	private ContextBuilder() {
	}

	/** @return a builder with the defaults */
	public static ContextBuilder context() {
		return new ContextBuilder();
	}

	/**
	 * Sets the request id.
	 * @param requestId the request id
	 * @return this builder
	 */
	public ContextBuilder requestId(String requestId) {
		this.requestId = requestId;
		return this;
	}

	/**
	 * Sets how long the call may take: the deadline is that long after {@link #build()}.
	 * @param timeout the timeout
	 * @return this builder
	 */
	public ContextBuilder timeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	/**
	 * Sets the function id.
	 * @param functionId the function id
	 * @return this builder
	 */
	public ContextBuilder functionId(String functionId) {
		this.functionId = functionId;
		return this;
	}

	/**
	 * Sets the version id.
	 * @param versionId the version id
	 * @return this builder
	 */
	public ContextBuilder versionId(String versionId) {
		this.versionId = versionId;
		return this;
	}

	/**
	 * Sets the log group id.
	 * @param logGroupId the log group id
	 * @return this builder
	 */
	public ContextBuilder logGroupId(String logGroupId) {
		this.logGroupId = logGroupId;
		return this;
	}

	/**
	 * Sets the memory limit.
	 * @param memoryLimitMb the limit in megabytes
	 * @return this builder
	 */
	public ContextBuilder memoryLimitMb(int memoryLimitMb) {
		this.memoryLimitMb = memoryLimitMb;
		return this;
	}

	/**
	 * Sets the folder id, {@code function_folder_id}.
	 * @param folderId the folder id
	 * @return this builder
	 */
	public ContextBuilder folderId(String folderId) {
		this.folderId = folderId;
		return this;
	}

	/**
	 * Sets the IAM token, as {@code IamToken.bearer("t1.token", 3600)}.
	 * @param token the token
	 * @return this builder
	 */
	public ContextBuilder token(IamToken token) {
		this.token = token;
		return this;
	}

	/** @return the context */
	public Context build() {
		return new Context(this.requestId, System.currentTimeMillis() + this.timeout.toMillis(), this.functionId,
				this.versionId, this.folderId, this.logGroupId, this.memoryLimitMb, this.token, Runnable::run);
	}

}
