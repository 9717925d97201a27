package io.functionruntime.registry;

import java.lang.reflect.Method;

import org.springframework.core.ResolvableType;

/**
 * A bean found to carry {@code @FunctionHandler}, before its shape is checked.
 *
 * @param entryPoint the annotation's value, not yet validated
 * @param beanName the bean
 * @param beanClass the bean's user class (behind any proxy)
 * @param beanType the bean's type with its generics, as declared (the return type of a
 * {@code @Bean} method, for a lambda)
 * @param method the annotated method, or {@code null} for a type-level handler
 */
public record HandlerCandidate(String entryPoint, String beanName, Class<?> beanClass, ResolvableType beanType,
		Method method) {

	/** @return how the candidate is named in messages */
	public String describe() {
		return "bean '" + this.beanName + "' (" + ((this.method != null)
				? this.beanClass.getName() + "." + this.method.getName() : this.beanClass.getName()) + ")";
	}

}
