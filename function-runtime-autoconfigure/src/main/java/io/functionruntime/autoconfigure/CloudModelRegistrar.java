package io.functionruntime.autoconfigure;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Function;

import io.functionruntime.internal.registry.CloudModelDiscoverer;
import io.functionruntime.internal.registry.DefinitionProblems;
import io.functionruntime.internal.servlet.ApplicationServlet;
import io.functionruntime.registry.FunctionDefinitionException;
import jakarta.servlet.http.HttpServlet;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Makes functions of classes that carry no annotation, as the cloud loads a Java function
 * by its class name: each class of {@code function-runtime.classes} that is not already a
 * bean becomes a prototype bean made with its public no-arg constructor, one object per
 * instance; {@code function-runtime.spring-boot-function} adds the function that hands
 * events to the application's {@code DispatcherServlet}. Registered before any bean is
 * created, so it reads the {@link Environment} itself. Every class that cannot be served
 * is reported in one failure.
 */
class CloudModelRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, BeanClassLoaderAware {

	private static final String YC_FUNCTION = "yandex.cloud.sdk.functions.YcFunction";

	private static final String CLASS_FIX = "List in function-runtime.classes the fully qualified names of public, "
			+ "non-generic classes with a public no-arg constructor that implement java.util.function.Function<I, O> "
			+ "or " + YC_FUNCTION + "<I, O>, or extend jakarta.servlet.http.HttpServlet.";

	private Environment environment;

	private ClassLoader classLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		Binder binder = Binder.get(this.environment);
		DefinitionProblems problems = new DefinitionProblems();
		for (String name : binder.bind("function-runtime.classes", String[].class).orElse(new String[0])) {
			if (StringUtils.hasText(name)) {
				problems.check(() -> registerClass(registry, name.trim()));
			}
		}
		problems.throwIfAny();
		String springBootFunction = binder.bind("function-runtime.spring-boot-function", String.class).orElse(null);
		if (StringUtils.hasText(springBootFunction)) {
			registerSpringBootFunction(registry);
		}
	}

	private void registerClass(BeanDefinitionRegistry registry, String name) {
		Class<?> type = load(name);
		if (registry instanceof ListableBeanFactory beans && beans.getBeanNamesForType(type, true, false).length > 0) {
			return;
		}
		check(type);
		RootBeanDefinition definition = new RootBeanDefinition(type);
		definition.setScope(BeanDefinition.SCOPE_PROTOTYPE);
		registry.registerBeanDefinition(name, definition);
	}

	private Class<?> load(String name) {
		try {
			return ClassUtils.forName(name, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new FunctionDefinitionException("function-runtime.classes lists '" + name
					+ "', which is no class the application can load (" + ex + ").", CLASS_FIX);
		}
	}

	/**
	 * Checks that a class can be created by name. The definition then names the class alone,
	 * so that Spring calls its no-arg constructor (the only one it picks without
	 * {@code @Autowired}) and Spring AOT can write the definition as code.
	 */
	private void check(Class<?> type) {
		String name = type.getName();
		if (!isCloudModel(type)) {
			fail(name + " is neither a java.util.function.Function, a " + YC_FUNCTION
					+ " nor a jakarta.servlet.http.HttpServlet");
		}
		if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
				|| (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
			fail(name + " is not a public concrete top-level or static nested class, so it cannot be created by name");
		}
		if (type.getTypeParameters().length > 0) {
			fail(name + " is a generic class, so the types of its event and result are unknown");
		}
		try {
			type.getConstructor();
		}
		catch (NoSuchMethodException ex) {
			fail(name + " has no public no-arg constructor, which the runtime calls to create each instance");
		}
	}

	private boolean isCloudModel(Class<?> type) {
		return Function.class.isAssignableFrom(type) || HttpServlet.class.isAssignableFrom(type)
				|| (ClassUtils.isPresent(YC_FUNCTION, this.classLoader)
						&& ClassUtils.resolveClassName(YC_FUNCTION, this.classLoader).isAssignableFrom(type));
	}

	private static void fail(String problem) {
		throw new FunctionDefinitionException("function-runtime.classes cannot serve " + problem + ".", CLASS_FIX);
	}

	/**
	 * Registers the Spring Boot model's servlet, once: with Spring AOT the definition is
	 * already there when this runs again at startup. Its entry point is the property's
	 * value, which the discoverer reads.
	 */
	private void registerSpringBootFunction(BeanDefinitionRegistry registry) {
		if (registry.containsBeanDefinition(CloudModelDiscoverer.SPRING_BOOT_FUNCTION_BEAN)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(ApplicationServlet.class);
		definition.setScope(BeanDefinition.SCOPE_PROTOTYPE);
		registry.registerBeanDefinition(CloudModelDiscoverer.SPRING_BOOT_FUNCTION_BEAN, definition);
	}

}
