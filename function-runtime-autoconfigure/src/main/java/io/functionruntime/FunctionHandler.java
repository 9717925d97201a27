package io.functionruntime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a cloud function handler, the Java counterpart of {@code def handler(event, context)}.
 * <p>
 * On a bean method, the method is the handler: it takes {@code (event)} or
 * {@code (event, Context)}. On a bean class (or a {@code @Bean} method), the bean must
 * implement {@link Handler}. The value is the cloud's entry point, {@code <file>.<handler>},
 * such as {@code main.handler}; the function is served at {@code /<entry point>}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FunctionHandler {

	/**
	 * The entry point, {@code <file>.<handler>}: exactly one dot, a file name of letters,
	 * digits, {@code _} and {@code -}, and a Java identifier as the handler name.
	 * @return the entry point
	 */
	String value();

}
