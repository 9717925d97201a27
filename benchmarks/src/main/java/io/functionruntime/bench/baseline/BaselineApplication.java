package io.functionruntime.bench.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The baseline of the load benchmark: the plain Spring MVC application a user would write
 * instead of using function-runtime, answering {@code /main.handler} with the same
 * {@code {event, context}} JSON as the sample's {@code main.handler}. Its executable jar
 * ({@code benchmarks-*-baseline.jar}) holds spring-boot-starter-webmvc and the actuator, as
 * the sample app does, but not the runtime; its configuration is the sample's actuator
 * configuration.
 */
@SpringBootApplication
public class BaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

}
