package io.functionruntime.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The cloud documentation's handlers, served by function-runtime. Run it and call
 * {@code curl --data '{"hello": "world"}' -H 'Content-Type: application/json' 'http://localhost:8080/main.handler?param=one'}.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
