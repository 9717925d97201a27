package io.functionruntime.internal.queue;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where and as whom to talk the SQS API: the cloud's Message Queue, or a local
 * SQS-compatible server.
 *
 * @param endpoint the service's endpoint, such as
 * {@code https://message-queue.api.cloud.yandex.net}
 * @param region the region requests are signed for
 * @param accessKeyId the static key's id, or {@code null} for the SDK's default chain
 * @param secretAccessKey the static key's secret, or {@code null} for the SDK's default
 * chain
 */
public record QueueConnection(URI endpoint, String region, String accessKeyId, String secretAccessKey) {

	/**
	 * The endpoint a queue URL names: its scheme, host and port, as SQS queue URLs start
	 * with their service's endpoint.
	 * @param queueUrl the queue URL
	 * @return the endpoint
	 */
	public static URI endpointOf(URI queueUrl) {
		return URI.create(queueUrl.getScheme() + "://" + queueUrl.getRawAuthority());
	}

	/**
	 * Creates a client of this connection; whoever creates it closes it.
	 * @return a new client
	 */
	public SqsClient newClient() {
		return SqsClient.builder()
			.endpointOverride(this.endpoint)
			.region(Region.of(this.region))
			.credentialsProvider(credentials())
			.build();
	}

	private AwsCredentialsProvider credentials() {
		return (this.accessKeyId != null)
				? StaticCredentialsProvider.create(AwsBasicCredentials.create(this.accessKeyId, this.secretAccessKey))
				: DefaultCredentialsProvider.builder().build();
	}

	/** Keeps the secret out of logs and endpoints. */
	@Override
	public String toString() {
		return "QueueConnection[endpoint=" + this.endpoint + ", region=" + this.region + ", accessKeyId="
				+ this.accessKeyId + "]";
	}

}
