package io.functionruntime.registry;

import java.time.Duration;
import java.util.Map;

/**
 * The resolved settings of one function: its identity as the context reports it, and how
 * its instances are run.
 *
 * @param id the function id, also a route alias
 * @param name the function name shown in logs
 * @param versionId the version id
 * @param logGroupId the log group id
 * @param memoryLimitMb the memory limit in megabytes (reported only)
 * @param timeout how long one call may take, queueing and cold start included
 * @param concurrency how many calls one instance serves at once
 * @param instancesLimit how many instances may run
 * @param provisionedInstances how many instances are created at startup
 * @param requestsLimit how many calls may be in flight or queued
 * @param access who may call the function
 * @param folderId the folder of the function, {@code function_folder_id} in the context
 * @param serviceAccount whether the function has a service account, so that its context
 * carries the IAM token
 * @param environment the function's own environment variables, which its context gives
 * over the process's environment
 */
public record FunctionSettings(String id, String name, String versionId, String logGroupId, int memoryLimitMb,
		Duration timeout, int concurrency, int instancesLimit, int provisionedInstances, int requestsLimit,
		FunctionAccess access, String folderId, boolean serviceAccount, Map<String, String> environment) {
}
