package io.functionruntime.cloud;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application written for the cloud's Java models: classes listed by name, a
 * {@code Function} bean, and a controller that the Spring Boot-model function reaches.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CloudModelApplication.GreetingController.class)
class CloudModelApplication {

	@Bean
	@Scope("prototype")
	ShoutFunction shoutFunction() {
		return new ShoutFunction("!");
	}

	/** The application's own controller, as the cloud's Spring Boot example has. */
	@RestController
	static class GreetingController {

		@GetMapping("/get/{name}")
		Map<String, String> get(@PathVariable String name) {
			return Map.of("message", "Hello, " + name);
		}

	}

}
