package io.functionruntime.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * Starts {@link TestFunctions} on a random port with the {@code http} profile, as a user
 * would run it, with a {@link TestHttp} to call it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestFunctions.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("http")
@Import(TestHttpConfiguration.class)
@interface HttpTest {

	@AliasFor(annotation = SpringBootTest.class)
	String[] properties() default {};

}
