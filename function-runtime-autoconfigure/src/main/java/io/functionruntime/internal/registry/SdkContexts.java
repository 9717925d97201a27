package io.functionruntime.internal.registry;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.WrongMethodTypeException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import io.functionruntime.Context;

/**
 * Makes the SDK's {@code Context} of each call: a JDK proxy that answers each getter the
 * SDK interface declares from the runtime's {@link Context} getter of the same name. The
 * getters are matched once at startup; one the runtime lacks fails when called, naming it.
 */
final class SdkContexts {

	private static final MethodType GETTER_TYPE = MethodType.methodType(Object.class, Context.class);

	private final Class<?> sdkContext;

	private final Map<Method, MethodHandle> getters = new HashMap<>();

	SdkContexts(Class<?> sdkContext) {
		this.sdkContext = sdkContext;
		for (Method method : sdkContext.getMethods()) {
			if (Modifier.isAbstract(method.getModifiers()) && method.getParameterCount() == 0) {
				MethodHandle getter = runtimeGetter(method);
				if (getter != null) {
					this.getters.put(method, getter);
				}
			}
		}
	}

	private static MethodHandle runtimeGetter(Method method) {
		try {
			return MethodHandles.publicLookup()
				.unreflect(Context.class.getMethod(method.getName()))
				.asType(MethodType.methodType(method.getReturnType(), Context.class))
				.asType(GETTER_TYPE);
		}
		catch (NoSuchMethodException | IllegalAccessException | WrongMethodTypeException ex) {
			return null;
		}
	}

	/** @return a handle of the shape {@code (io.functionruntime.Context) -> SDK Context} */
	MethodHandle fromRuntimeContext() throws ReflectiveOperationException {
		return MethodHandles.lookup()
			.findVirtual(SdkContexts.class, "create", MethodType.methodType(Object.class, Context.class))
			.bindTo(this)
			.asType(MethodType.methodType(this.sdkContext, Context.class));
	}

	private Object create(Context context) {
		InvocationHandler answers = (proxy, method, args) -> answer(context, proxy, method, args);
		return Proxy.newProxyInstance(this.sdkContext.getClassLoader(), new Class<?>[] { this.sdkContext }, answers);
	}

	private Object answer(Context context, Object proxy, Method method, Object[] args) throws Throwable {
		MethodHandle getter = this.getters.get(method);
		if (getter != null) {
			return (Object) getter.invokeExact(context);
		}
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> this.sdkContext.getName() + " of " + context;
			};
		}
		if (method.isDefault()) {
			return InvocationHandler.invokeDefault(proxy, method, args);
		}
		throw new UnsupportedOperationException(this.sdkContext.getName() + "." + method.getName()
				+ " is not supported: io.functionruntime.Context has no such getter");
	}

}
