package io.functionruntime.autoconfigure;

import java.net.URI;

import io.functionruntime.internal.queue.QueueConnection;
import io.functionruntime.registry.FunctionDefinitionException;

/**
 * How to reach an SQS-compatible queue service: what a Message Queue trigger and the
 * queues of asynchronous calls share.
 */
public class QueueConnectionProperties {

	/**
	 * Endpoint of the queue service. Defaults to the scheme, host and port of the queue
	 * URL.
	 */
	private URI endpoint;

	/**
	 * Region the requests are signed for.
	 */
	private String region = "ru-central1";

	/**
	 * Access key id of a static key that may use the queues. Without one, the AWS SDK's
	 * default credentials chain is used (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
	 * ~/.aws/credentials, ...).
	 */
	private String accessKeyId;

	/**
	 * Secret access key of the static key. Take it from an environment variable rather
	 * than writing it in a file.
	 */
	private String secretAccessKey;

	public URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(URI endpoint) {
		this.endpoint = endpoint;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getAccessKeyId() {
		return this.accessKeyId;
	}

	public void setAccessKeyId(String accessKeyId) {
		this.accessKeyId = accessKeyId;
	}

	public String getSecretAccessKey() {
		return this.secretAccessKey;
	}

	public void setSecretAccessKey(String secretAccessKey) {
		this.secretAccessKey = secretAccessKey;
	}

	/**
	 * Checks the settings and resolves them.
	 * @param endpoint the endpoint when none is set, or {@code null} to take it from each
	 * queue URL
	 * @param prefix the properties' prefix, such as {@code function-runtime.async.}
	 * @return the connection
	 * @throws FunctionDefinitionException naming the property that is wrong
	 */
	QueueConnection toConnection(URI endpoint, String prefix) {
		boolean keyId = this.accessKeyId != null && !this.accessKeyId.isBlank();
		boolean secret = this.secretAccessKey != null && !this.secretAccessKey.isBlank();
		String problem = (this.region == null || this.region.isBlank()) ? prefix + "region is empty"
				: (keyId != secret) ? prefix + (keyId ? "secret-access-key" : "access-key-id")
						+ " is missing: a static key needs both access-key-id and secret-access-key; set both, or "
						+ "neither to use the AWS SDK's default credentials chain" : null;
		if (problem != null) {
			throw new FunctionDefinitionException("The queue connection cannot be configured: " + problem + ".",
					"Correct " + problem.substring(0, problem.indexOf(' ')) + " in the application's configuration.");
		}
		return new QueueConnection((this.endpoint != null) ? this.endpoint : endpoint, this.region,
				keyId ? this.accessKeyId : null, secret ? this.secretAccessKey : null);
	}

}
