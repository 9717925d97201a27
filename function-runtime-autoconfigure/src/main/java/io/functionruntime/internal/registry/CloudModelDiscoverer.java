package io.functionruntime.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.functionruntime.FunctionHandler;
import io.functionruntime.registry.HandlerCandidate;
import jakarta.servlet.http.HttpServlet;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
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
	 * The bean definition attribute that gives a function of these models an entry point
	 * other than its class name.
	 */
	public static final String ENTRY_POINT_ATTRIBUTE = CloudModelDiscoverer.class.getName() + ".entryPoint";

	private final ConfigurableListableBeanFactory beanFactory;

	public CloudModelDiscoverer(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
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
		if (this.beanFactory.containsBeanDefinition(beanName)) {
			BeanDefinition definition = this.beanFactory.getMergedBeanDefinition(beanName);
			if (definition.getAttribute(ENTRY_POINT_ATTRIBUTE) instanceof String entryPoint) {
				return entryPoint;
			}
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
