package io.functionruntime.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.functionruntime.FunctionHandler;
import io.functionruntime.registry.HandlerCandidate;
import jakarta.servlet.http.HttpServlet;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.util.StringUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds the beans of the cloud's Java models, which carry no annotation: a
 * {@code Function}, a {@code YcFunction} (when the cloud's SDK is on the class path) or an
 * {@code HttpServlet}. Spring's own beans and beans that use {@code @FunctionHandler} are
 * not functions of these models. Looks at bean definitions only, so no bean is created
 * early.
 */
public class CloudModelDiscoverer {

	/**
	 * The bean of the cloud's Spring Boot model, whose entry point is the one configured
	 * rather than its class name. Known by name, not by a bean definition attribute, which
	 * Spring AOT does not keep.
	 */
	public static final String SPRING_BOOT_FUNCTION_BEAN = "functionRuntimeSpringBootFunction";

	private final ConfigurableListableBeanFactory beanFactory;

	private final String springBootFunction;

	/**
	 * Creates the discoverer.
	 * @param beanFactory the bean factory
	 * @param springBootFunction the entry point of the Spring Boot model's function, or
	 * {@code null}
	 */
	public CloudModelDiscoverer(ConfigurableListableBeanFactory beanFactory, String springBootFunction) {
		this.beanFactory = beanFactory;
		this.springBootFunction = springBootFunction;
	}

	/** @return the candidates, in the order of the bean definitions */
	public List<HandlerCandidate> findHandlers() {
		YcSdk sdk = YcSdk.find(this.beanFactory.getBeanClassLoader());
		List<HandlerCandidate> candidates = new ArrayList<>();
		for (String beanName : this.beanFactory.getBeanNamesForType(Object.class, true, false)) {
			Class<?> beanClass = AutoProxyUtils.determineTargetClass(this.beanFactory, beanName);
			if (beanClass == null || beanClass.getName().startsWith("org.springframework.")
					|| !isCloudModel(beanClass, sdk) || usesFunctionHandler(beanName, beanClass)) {
				continue;
			}
			candidates.add(new HandlerCandidate(entryPoint(beanName, beanClass), beanName, beanClass,
					declaredType(beanName, beanClass), null, true));
		}
		return candidates;
	}

	private static boolean isCloudModel(Class<?> beanClass, YcSdk sdk) {
		return Function.class.isAssignableFrom(beanClass) || HttpServlet.class.isAssignableFrom(beanClass)
				|| (sdk != null && sdk.function().isAssignableFrom(beanClass));
	}

	private boolean usesFunctionHandler(String beanName, Class<?> beanClass) {
		if (this.beanFactory.findAnnotationOnBean(beanName, FunctionHandler.class, false) != null) {
			return true;
		}
		return !MethodIntrospector.selectMethods(beanClass,
				(MethodIntrospector.MetadataLookup<FunctionHandler>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, FunctionHandler.class))
			.isEmpty();
	}

	private String entryPoint(String beanName, Class<?> beanClass) {
		if (SPRING_BOOT_FUNCTION_BEAN.equals(beanName) && StringUtils.hasText(this.springBootFunction)) {
			return this.springBootFunction.trim();
		}
		return beanClass.getName();
	}

	private ResolvableType declaredType(String beanName, Class<?> beanClass) {
		if (this.beanFactory.containsBeanDefinition(beanName)
				&& this.beanFactory.getMergedBeanDefinition(beanName) instanceof RootBeanDefinition definition) {
			return definition.getResolvableType();
		}
		return ResolvableType.forClass(beanClass);
	}

}
