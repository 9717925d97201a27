package io.functionruntime.actuate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.functionruntime.http.TestHttpConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * Starts {@link OpsFunctions} with Actuator on a random port, with the {@code ops}
 * profile and a {@code TestHttp} to call it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OpsFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("ops")
@Import(TestHttpConfiguration.class)
@interface OpsTest {

	@AliasFor(annotation = SpringBootTest.class)
	String[] properties() default {};

}
