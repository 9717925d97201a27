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
 * @param cloudModel whether the bean is a class of the cloud's Java models (a
 * {@code Function}, a {@code YcFunction} or an {@code HttpServlet}) rather than an
 * annotated handler, so that its entry point is its class name
 */
public record HandlerCandidate(String entryPoint, String beanName, Class<?> beanClass, ResolvableType beanType,
		Method method, boolean cloudModel) {

	/**
	 * A candidate found by {@code @FunctionHandler}.
	 * @param entryPoint the annotation's value, not yet validated
	 * @param beanName the bean
	 * @param beanClass the bean's user class (behind any proxy)
	 * @param beanType the bean's type with its generics, as declared
	 * @param method the annotated method, or {@code null} for a type-level handler
	 */
	public HandlerCandidate(String entryPoint, String beanName, Class<?> beanClass, ResolvableType beanType,
			Method method) {
		this(entryPoint, beanName, beanClass, beanType, method, false);
	}

	/** @return how the candidate is named in messages */
	public String describe() {
		return "bean '" + this.beanName + "' (" + ((this.method != null)
				? this.beanClass.getName() + "." + this.method.getName() : this.beanClass.getName()) + ")";
	}

}
