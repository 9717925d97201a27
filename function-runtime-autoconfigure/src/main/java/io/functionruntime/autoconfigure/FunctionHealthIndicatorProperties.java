package io.functionruntime.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the {@code functions} health indicator says that a function cannot start.
 */
@ConfigurationProperties("management.health.functions")
public class FunctionHealthIndicatorProperties {

	/**
	 * How many handler objects of a function must fail to be created in a row, with none
	 * of its instances live, for the function to be down.
	 */
	private int initFailureThreshold = 3;

	public int getInitFailureThreshold() {
		return this.initFailureThreshold;
	}

	public void setInitFailureThreshold(int initFailureThreshold) {
		this.initFailureThreshold = initFailureThreshold;
	}

}
