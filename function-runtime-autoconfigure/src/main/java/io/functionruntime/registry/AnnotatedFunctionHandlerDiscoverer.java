package io.functionruntime.registry;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.functionruntime.FunctionHandler;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
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
			if (beanClass == null || !AnnotationUtils.isCandidateClass(beanClass, FunctionHandler.class)) {
				continue;
			}
			FunctionHandler onBean = this.beanFactory.findAnnotationOnBean(beanName, FunctionHandler.class, false);
			if (onBean != null) {
				candidates.add(new HandlerCandidate(onBean.value(), beanName, beanClass, null));
			}
			Map<Method, FunctionHandler> methods = MethodIntrospector.selectMethods(beanClass,
					(MethodIntrospector.MetadataLookup<FunctionHandler>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, FunctionHandler.class));
			methods.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByValue((a, b) -> a.value().compareTo(b.value())))
				.forEach((entry) -> candidates
					.add(new HandlerCandidate(entry.getValue().value(), beanName, beanClass, entry.getKey())));
		}
		return candidates;
	}

}
