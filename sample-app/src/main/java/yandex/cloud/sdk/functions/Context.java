package yandex.cloud.sdk.functions;

/**
 * Stands in for the cloud's SDK ({@code com.yandex.cloud:java-sdk-functions}), which the
 * registry here does not serve; in a real project, depend on the SDK and delete this file.
 */
public interface Context {

	String getRequestId();

	String getFunctionId();

	String getFunctionVersion();

	int getMemoryLimit();

	String getTokenJson();

}
