package io.functionruntime.autoconfigure;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Has the container initialise the application's {@code DispatcherServlet} at startup when
 * the Spring Boot-model function dispatches into it, so that the container, not the first
 * call of the function, initialises it, and only once. An application's own
 * {@code spring.mvc.servlet.load-on-startup} of 0 or more is kept.
 */
class DispatcherServletLoading implements BeanPostProcessor {

	private final Environment environment;

	DispatcherServletLoading(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof ServletRegistrationBean<?> registration
				&& registration.getServlet() instanceof DispatcherServlet
				&& this.environment.getProperty("spring.mvc.servlet.load-on-startup", Integer.class, -1) < 0) {
			registration.setLoadOnStartup(1);
		}
		return bean;
	}

}
