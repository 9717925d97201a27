package yandex.cloud.sdk.functions;

/**
 * The cloud SDK's context interface, from its documented getters and those the runtime
 * answers, for the tests: the SDK itself is not available here.
 */
public interface Context {

	String getRequestId();

	String getFunctionId();

	String getFunctionVersion();

	int getMemoryLimit();

	String getTokenJson();

	String getFunctionVersionId();

	int getMemoryLimitInMB();

	String getLogGroupName();

	String getStreamName();

	String getFunctionName();

	long getDeadlineMs();

	long getRemainingTimeInMillis();

	String getFunctionFolderId();

}
