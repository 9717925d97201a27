package io.functionruntime.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the Knative manifest that the application prints with
 * {@code --function-runtime.knative.print-manifest} runs, and where.
 */
@ConfigurationProperties("function-runtime.knative")
public class KnativeProperties {

	/**
	 * Name of the Knative Service, or with several functions the prefix of one Service
	 * per function. Defaults to spring.application.name, or "functions" without one.
	 */
	private String serviceName;

	/**
	 * Container image of the application. Defaults to dev.local/<service name>:latest,
	 * an image Knative takes as it is, without looking it up in a registry.
	 */
	private String image;

	/**
	 * Namespace of the Services. Left out by default, so that kubectl's current namespace
	 * applies.
	 */
	private String namespace;

	public String getServiceName() {
		return this.serviceName;
	}

	public void setServiceName(String serviceName) {
		this.serviceName = serviceName;
	}

	public String getImage() {
		return this.image;
	}

	public void setImage(String image) {
		this.image = image;
	}

	public String getNamespace() {
		return this.namespace;
	}

	public void setNamespace(String namespace) {
		this.namespace = namespace;
	}

}
