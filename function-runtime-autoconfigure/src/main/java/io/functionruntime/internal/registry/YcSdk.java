package io.functionruntime.internal.registry;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.springframework.util.ClassUtils;

/**
 * The cloud's Java SDK ({@code com.yandex.cloud:java-sdk-functions}), found by name on the
 * application's class loader, so that the runtime serves its {@code YcFunction} without
 * depending on it.
 */
final class YcSdk {

	static final String FUNCTION = "yandex.cloud.sdk.functions.YcFunction";

	static final String CONTEXT = "yandex.cloud.sdk.functions.Context";

	private final Class<?> function;

	private final Class<?> context;

	private YcSdk(Class<?> function, Class<?> context) {
		this.function = function;
		this.context = context;
	}

	/**
	 * Finds the SDK's interfaces.
	 * @param classLoader the application's class loader
	 * @return the SDK, or {@code null} when it is not on the class path
	 */
	static YcSdk find(ClassLoader classLoader) {
		if (!ClassUtils.isPresent(FUNCTION, classLoader) || !ClassUtils.isPresent(CONTEXT, classLoader)) {
			return null;
		}
		return new YcSdk(ClassUtils.resolveClassName(FUNCTION, classLoader),
				ClassUtils.resolveClassName(CONTEXT, classLoader));
	}

	/** @return the {@code YcFunction} interface */
	Class<?> function() {
		return this.function;
	}

	/**
	 * Makes the handle of {@code YcFunction.handle(event, context)} that takes the
	 * runtime's context and passes the SDK's.
	 * @return a handle of the shape {@code (YcFunction, Object, io.functionruntime.Context) -> Object}
	 * @throws ReflectiveOperationException when the SDK has no {@code handle(Object, Context)}
	 */
	MethodHandle handle() throws ReflectiveOperationException {
		MethodHandle handle = MethodHandles.publicLookup()
			.findVirtual(this.function, "handle", MethodType.methodType(Object.class, Object.class, this.context));
		return MethodHandles.filterArguments(handle, 2, new SdkContexts(this.context).fromRuntimeContext());
	}

}
