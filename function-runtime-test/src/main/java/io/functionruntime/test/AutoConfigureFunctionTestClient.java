package io.functionruntime.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Puts a {@link FunctionTestClient} bean in the test's application context: one that
 * calls the running server in a {@code RANDOM_PORT} or {@code DEFINED_PORT} test, and the
 * runtime in-process in a {@code MOCK} test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureFunctionTestClient {

}
