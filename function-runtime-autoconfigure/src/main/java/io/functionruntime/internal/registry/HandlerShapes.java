package io.functionruntime.internal.registry;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.BaseStream;

import io.functionruntime.Context;
import io.functionruntime.Handler;
import io.functionruntime.HttpEvent;
import io.functionruntime.internal.servlet.ServletFunction;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Decides whether a method or a {@link Handler} bean has a supported shape, and turns it
 * into a {@link HandlerAdapter}. Rejections carry the reason and the fix.
 */
final class HandlerShapes {

	private static final MethodType INVOKE_TYPE = MethodType.methodType(Object.class, Object.class, Object.class,
			Context.class);

	private static final String SUPPORTED_EVENTS = "Map<String, Object>, JsonNode, String, byte[], HttpEvent, a POJO/record, "
			+ "a number, a boolean, an array or a collection";

	private static final String SUPPORTED_RESULTS = "Map, HttpResponse, a POJO/record, JsonNode, String, byte[], a number, "
			+ "a boolean, an array, a collection, Object or void, or a CompletionStage/CompletableFuture of one of them";

	private static final String HTTP_ENTITY = "org.springframework.http.HttpEntity";

	private final JsonMapper jsonMapper;

	HandlerShapes(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	HandlerAdapter forMethod(Method method, Class<?> beanClass) {
		String description = ClassUtils.getQualifiedMethodName(method, beanClass);
		if (Modifier.isStatic(method.getModifiers())) {
			throw new ShapeException(description + " is static; a handler must be an instance method");
		}
		int count = method.getParameterCount();
		if (count < 1 || count > 2) {
			throw new ShapeException(description + " takes " + count
					+ " parameters; a handler takes (event) or (event, Context)");
		}
		if (count == 2 && method.getParameterTypes()[1] != Context.class) {
			throw new ShapeException(description + " has a second parameter of type "
					+ method.getParameterTypes()[1].getName() + "; it must be io.functionruntime.Context");
		}
		ResolvableType eventType = ResolvableType.forMethodParameter(method, 0, beanClass);
		ResolvableType resultType = ResolvableType.forMethodReturnType(method, beanClass);
		MethodHandle handle;
		try {
			method.setAccessible(true);
			handle = MethodHandles.lookup().unreflect(method);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			throw new ShapeException(description + " cannot be called (" + ex.getMessage()
					+ "); make the method public or open its package");
		}
		if (count == 1) {
			handle = MethodHandles.dropArguments(handle, 2, Context.class);
		}
		return adapter(handle.asType(INVOKE_TYPE), eventType, resultType, description);
	}

	HandlerAdapter forHandlerBean(Class<?> beanClass, ResolvableType beanType) {
		String description = beanClass.getName() + ".handle";
		if (!Handler.class.isAssignableFrom(beanClass)) {
			throw new ShapeException(beanClass.getName() + " is annotated with @FunctionHandler at type level "
					+ "but does not implement io.functionruntime.Handler; implement Handler<E, R> or "
					+ "put the annotation on the handler method instead");
		}
		ResolvableType handlerType = beanType.as(Handler.class);
		if (handlerType == ResolvableType.NONE || handlerType.hasUnresolvableGenerics()) {
			handlerType = ResolvableType.forClass(beanClass).as(Handler.class);
		}
		MethodHandle handle;
		try {
			handle = MethodHandles.publicLookup()
				.findVirtual(Handler.class, "handle", MethodType.methodType(Object.class, Object.class, Context.class));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Handler.handle is missing", ex);
		}
		return adapter(handle.asType(INVOKE_TYPE), handlerType.getGeneric(0), handlerType.getGeneric(1), description);
	}

	/**
	 * Turns a class of the cloud's Java models into a handler, trying the models in the
	 * cloud's order: {@code Function}, {@code YcFunction}, {@code HttpServlet}.
	 * @param beanClass the class
	 * @param beanType the bean's type, as declared
	 * @param servletContext the application's servlet context, asked for at the first call
	 * @return the handler
	 */
	HandlerAdapter forCloudModel(Class<?> beanClass, ResolvableType beanType, Supplier<ServletContext> servletContext) {
		if (beanClass.getTypeParameters().length > 0) {
			throw new ShapeException(beanClass.getName() + " is a generic class, so the types of its event and "
					+ "result are unknown; make it a non-generic class that declares them, as in "
					+ "'implements Function<Request, Response>'");
		}
		if (Function.class.isAssignableFrom(beanClass)) {
			return forFunction(beanClass, beanType);
		}
		YcSdk sdk = YcSdk.find(beanClass.getClassLoader());
		if (sdk != null && sdk.function().isAssignableFrom(beanClass)) {
			return forYcFunction(beanClass, beanType, sdk);
		}
		if (HttpServlet.class.isAssignableFrom(beanClass)) {
			return forServlet(beanClass, servletContext);
		}
		throw new ShapeException(beanClass.getName() + " is neither a java.util.function.Function, a "
				+ YcSdk.FUNCTION + " nor a jakarta.servlet.http.HttpServlet");
	}

	HandlerAdapter forFunction(Class<?> beanClass, ResolvableType beanType) {
		ResolvableType functionType = typeArguments(beanClass, beanType, Function.class);
		MethodHandle handle;
		try {
			handle = MethodHandles.publicLookup()
				.findVirtual(Function.class, "apply", MethodType.methodType(Object.class, Object.class));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Function.apply is missing", ex);
		}
		handle = MethodHandles.dropArguments(handle, 2, Context.class);
		return adapter(handle.asType(INVOKE_TYPE), functionType.getGeneric(0), functionType.getGeneric(1),
				beanClass.getName() + ".apply");
	}

	HandlerAdapter forYcFunction(Class<?> beanClass, ResolvableType beanType, YcSdk sdk) {
		ResolvableType functionType = typeArguments(beanClass, beanType, sdk.function());
		MethodHandle handle;
		try {
			handle = sdk.handle();
		}
		catch (ReflectiveOperationException ex) {
			throw new ShapeException(YcSdk.FUNCTION + " on the class path has no method handle(Object, "
					+ YcSdk.CONTEXT + ") (" + ex.getMessage() + "); use the cloud's SDK");
		}
		return adapter(handle.asType(INVOKE_TYPE), functionType.getGeneric(0), functionType.getGeneric(1),
				beanClass.getName() + ".handle");
	}

	HandlerAdapter forServlet(Class<?> beanClass, Supplier<ServletContext> servletContext) {
		MethodHandle handle = new ServletFunction(beanClass.getName(), servletContext).handle();
		ResolvableType map = ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class);
		return adapter(handle.asType(INVOKE_TYPE), map, map, beanClass.getName() + ".service");
	}

	/** Reads the event and result types a class declares for a model's interface. */
	private static ResolvableType typeArguments(Class<?> beanClass, ResolvableType beanType, Class<?> model) {
		ResolvableType modelType = beanType.as(model);
		if (modelType == ResolvableType.NONE || modelType.hasUnresolvableGenerics()) {
			modelType = ResolvableType.forClass(beanClass).as(model);
		}
		if (modelType.hasUnresolvableGenerics()) {
			throw new ShapeException(beanClass.getName() + " implements the raw type " + model.getName()
					+ ", so the types of its event and result are unknown; declare them, as in '"
					+ model.getSimpleName() + "<Request, Response>'");
		}
		return modelType;
	}

	private HandlerAdapter adapter(MethodHandle handle, ResolvableType eventType, ResolvableType resultType,
			String description) {
		Class<?> event = eventType.toClass();
		EventKind kind = eventKind(event, description);
		boolean async = CompletionStage.class.isAssignableFrom(resultType.toClass());
		checkResult(async ? resultType.as(CompletionStage.class).getGeneric(0) : resultType, async, description);
		return new HandlerAdapter(handle, kind, this.jsonMapper.constructType(eventType.getType()), async,
				description + "(" + event.getSimpleName() + ") -> " + resultType);
	}

	private static EventKind eventKind(Class<?> type, String description) {
		if (Map.class.isAssignableFrom(type)) {
			return EventKind.MAP;
		}
		if (JsonNode.class.isAssignableFrom(type)) {
			return EventKind.TREE;
		}
		if (type == String.class) {
			return EventKind.STRING;
		}
		if (type == byte[].class) {
			return EventKind.BYTES;
		}
		if (type == HttpEvent.class) {
			return EventKind.HTTP_EVENT;
		}
		if (type == Context.class || isContainerOfLater(type)) {
			throw new ShapeException(description + " takes an event of type " + type.getName()
					+ ", which cannot hold the event object; take " + SUPPORTED_EVENTS);
		}
		return EventKind.OBJECT;
	}

	private static void checkResult(ResolvableType resultType, boolean async, String description) {
		Class<?> result = resultType.toClass();
		boolean voidResult = result == void.class || result == Void.class;
		if ((voidResult && !async) || (result == Void.class && async)) {
			return;
		}
		if (isContainerOfLater(result)) {
			throw new ShapeException(description + " returns " + resultType + ", which cannot become a response; "
					+ "return " + SUPPORTED_RESULTS);
		}
		if (isHttpEntity(result)) {
			throw new ShapeException(description + " returns " + resultType + ", a Spring MVC response the runtime "
					+ "cannot write (every call would fail); return an io.functionruntime.HttpResponse, such as "
					+ "HttpResponse.of(200, body), or a Map with statusCode, headers and body");
		}
	}

	/**
	 * Whether a type is Spring's {@code HttpEntity} or {@code ResponseEntity}, named so that
	 * no Spring Web class is needed to check.
	 */
	private static boolean isHttpEntity(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (candidate.getName().equals(HTTP_ENTITY)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isContainerOfLater(Class<?> type) {
		return Future.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type)
				|| type == Optional.class || BaseStream.class.isAssignableFrom(type);
	}

	/**
	 * A handler whose shape is not supported.
	 */
	static final class ShapeException extends RuntimeException {

		ShapeException(String message) {
			super(message);
		}

	}

}
