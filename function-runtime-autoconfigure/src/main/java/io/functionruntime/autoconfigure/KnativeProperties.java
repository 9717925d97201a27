package io.functionruntime.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * Environment variables of every Service's container, by name.
	 */
	private final Map<String, String> environment = new LinkedHashMap<>();

	/**
	 * Environment variables of every Service's container, by name, each read from one key
	 * of a Kubernetes Secret.
	 */
	private final Map<String, SecretKey> secretKeys = new LinkedHashMap<>();

	/**
	 * Kubernetes Secrets whose every key becomes an environment variable of every
	 * Service's container.
	 */
	private List<String> secrets = new ArrayList<>();

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

	public Map<String, String> getEnvironment() {
		return this.environment;
	}

	public Map<String, SecretKey> getSecretKeys() {
		return this.secretKeys;
	}

	public List<String> getSecrets() {
		return this.secrets;
	}

	public void setSecrets(List<String> secrets) {
		this.secrets = secrets;
	}

	/**
	 * One key of a Kubernetes Secret.
	 */
	public static class SecretKey {

		/**
		 * Name of the Secret.
		 */
		private String secret;

		/**
		 * Key in the Secret.
		 */
		private String key;

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

		public String getKey() {
			return this.key;
		}

		public void setKey(String key) {
			this.key = key;
		}

	}

}
