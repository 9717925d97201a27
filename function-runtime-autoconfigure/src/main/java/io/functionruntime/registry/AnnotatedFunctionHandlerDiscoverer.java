package io.functionruntime.registry;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.functionruntime.FunctionHandler;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Finds {@link FunctionHandler} on bean methods, bean classes and {@code @Bean} methods,
 * looking at bean definitions only, so no bean is created early.
 */
public class AnnotatedFunctionHandlerDiscoverer implements FunctionHandlerDiscoverer {

	private final ConfigurableListableBeanFactory beanFactory;

	public AnnotatedFunctionHandlerDiscoverer(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public List<HandlerCandidate> findHandlers() {
		List<HandlerCandidate> candidates = new ArrayList<>();
		for (String beanName : this.beanFactory.getBeanNamesForType(Object.class, true, false)) {
			Class<?> beanClass = AutoProxyUtils.determineTargetClass(this.beanFactory, beanName);
			if (beanClass == null || isSpringClass(beanClass)
					|| !AnnotationUtils.isCandidateClass(beanClass, FunctionHandler.class)) {
				continue;
			}
			FunctionHandler onBean = this.beanFactory.findAnnotationOnBean(beanName, FunctionHandler.class, false);
			if (onBean != null) {
				candidates.add(new HandlerCandidate(onBean.value(), beanName, beanClass, declaredType(beanName), null));
			}
			Map<Method, FunctionHandler> methods = MethodIntrospector.selectMethods(beanClass,
					(MethodIntrospector.MetadataLookup<FunctionHandler>) AnnotatedFunctionHandlerDiscoverer::handlerOf);
			methods.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByValue((a, b) -> a.value().compareTo(b.value())))
				.forEach((entry) -> candidates
					.add(new HandlerCandidate(entry.getValue().value(), beanName, beanClass,
							ResolvableType.forClass(beanClass), entry.getKey())));
		}
		return candidates;
	}

	private ResolvableType declaredType(String beanName) {
		if (this.beanFactory.containsBeanDefinition(beanName)
				&& this.beanFactory.getMergedBeanDefinition(beanName) instanceof RootBeanDefinition definition) {
			return definition.getResolvableType();
		}
		return ResolvableType.forClass(this.beanFactory.getType(beanName, false));
	}

	/**
	 * Tells a bean of Spring's own, which cannot carry the annotation. Most beans of an
	 * application are, and looking through their methods was most of the discovery's time
	 * at startup (see the benchmark docs).
	 */
	private static boolean isSpringClass(Class<?> beanClass) {
		return beanClass.getName().startsWith("org.springframework.");
	}

	/**
	 * Reads the annotation of a handler method. A {@code @Bean} method carrying it declares
	 * a handler bean, found as that bean, not as a method of its configuration class.
	 */
	private static FunctionHandler handlerOf(Method method) {
		if (AnnotatedElementUtils.hasAnnotation(method, Bean.class)) {
			return null;
		}
		return AnnotatedElementUtils.findMergedAnnotation(method, FunctionHandler.class);
	}

}
