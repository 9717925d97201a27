package io.functionruntime.http;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * A {@link TestHttp} for the application a test started, so that a test class only
 * declares {@code @Autowired TestHttp http}. It is lazy: the port is known only once the
 * server has started, after the context's singletons were created.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHttpConfiguration {

	@Bean
	@Lazy
	TestHttp testHttp(Environment environment) {
		return new TestHttp(environment.getRequiredProperty("local.server.port", Integer.class));
	}

}
