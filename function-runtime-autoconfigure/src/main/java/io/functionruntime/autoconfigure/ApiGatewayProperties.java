package io.functionruntime.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The emulated API Gateway in front of the functions: its OpenAPI spec and its limits.
 */
@ConfigurationProperties("function-runtime.api-gateway")
class ApiGatewayProperties {

	/**
	 * Location of the gateway's OpenAPI 3.0 spec, YAML or JSON, such as
	 * 'classpath:apigw.yaml' or 'file:./apigw.yaml'. When set, the spec's
	 * cloud_functions operations route requests to the functions with their function_id.
	 */
	private String spec;

	/**
	 * The gateway's id, in the X-Serverless-Gateway-Id header of every event.
	 */
	private String id = "d5dlocal0apigateway0";

	/**
	 * Largest request body the gateway accepts; a larger one is answered 413 without
	 * calling the function.
	 */
	private DataSize maxRequestSize = DataSize.ofBytes(2_621_440);

	/**
	 * Largest function result the gateway returns, as its JSON text; a larger one is
	 * answered 502.
	 */
	private DataSize maxResponseSize = DataSize.ofBytes(2_621_440);

	public String getSpec() {
		return this.spec;
	}

	public void setSpec(String spec) {
		this.spec = spec;
	}

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

}
