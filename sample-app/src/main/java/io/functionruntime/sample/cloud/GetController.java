package io.functionruntime.sample.cloud;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The controller of the cloud's Spring Boot example, reached by the function
 * {@code io.functionruntime.sample.SampleApplication} with
 * {@code {"httpMethod": "GET", "url": "/get/Anonymous"}}, and at {@code /get/...} directly.
 */
@RestController
public class GetController {

	@GetMapping("/get/{name}")
	public Map<String, String> get(@PathVariable String name) {
		return Map.of("message", "Hello, " + name);
	}

}
