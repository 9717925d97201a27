package io.functionruntime.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.functionruntime.bench.NoOpHandler;
import io.functionruntime.bench.SeedHandler;
import io.functionruntime.internal.async.AsyncInvocations;
import io.functionruntime.internal.async.AsyncResults;
import io.functionruntime.internal.event.EventBinder;
import io.functionruntime.internal.invoke.ContextFactory;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.invoke.WorkerThreads;
import io.functionruntime.internal.logging.BackgroundLogWriter;
import io.functionruntime.internal.logging.InvocationLog;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.web.FunctionAccessCheck;
import io.functionruntime.internal.web.FunctionController;
import io.functionruntime.internal.web.HttpEventMapper;
import io.functionruntime.internal.web.ResponseWriter;
import io.functionruntime.invoke.InvocationObserver;
import io.functionruntime.registry.AnnotatedFunctionHandlerDiscoverer;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.token.TokenProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The runtime's beans wired as {@link FunctionRuntimeAutoConfiguration} wires them, with
 * default properties, around {@link NoOpHandler} and {@link SeedHandler}, without a Spring
 * context or a server, so that one call can be measured in process. It lives in this
 * package to use the real {@code PropertiesFunctionSettingsSource}. The router log is
 * written by a {@link BackgroundLogWriter}, the default, unless asked otherwise.
 */
public final class BenchRuntime implements AutoCloseable {

	public final JsonMapper jsonMapper = JsonMapper.shared();

	public final FunctionRegistry registry;

	public final HttpEventMapper eventMapper = new HttpEventMapper();

	public final EventBinder eventBinder = new EventBinder(this.jsonMapper);

	public final WorkerThreads workers = new WorkerThreads();

	public final ContextFactory contextFactory = new ContextFactory(TokenProvider.NONE, this.workers);

	public final FunctionInvoker invoker;

	public final ResponseWriter responseWriter;

	public final FunctionController controller;

	public final long maxEventSize;

	private final BackgroundLogWriter logWriter;

	public BenchRuntime() {
		this(true);
	}

	/**
	 * Wires the runtime.
	 * @param backgroundLog whether the router log is written by a background thread, as by
	 * default, or on the calling thread ({@code function-runtime.router-log.async=false})
	 */
	public BenchRuntime(boolean backgroundLog) {
		FunctionRuntimeProperties properties = new FunctionRuntimeProperties();
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("noOpHandler", new NoOpHandler());
		beanFactory.registerSingleton("seedHandler", new SeedHandler(this.jsonMapper));
		this.registry = new FunctionRegistry(new AnnotatedFunctionHandlerDiscoverer(beanFactory).findHandlers(),
				new PropertiesFunctionSettingsSource(properties, properties.getFunctions()), beanFactory, this.jsonMapper);
		FunctionRuntimeProperties.RouterLog routerLog = properties.getRouterLog();
		this.logWriter = backgroundLog ? new BackgroundLogWriter("function-runtime-log", routerLog.getQueueCapacity())
				: null;
		InvocationLog log = (this.logWriter != null) ? new InvocationLog(this.logWriter) : new InvocationLog();
		this.invoker = new FunctionInvoker(this.registry, beanFactory, this.contextFactory, log,
				InvocationObserver.NONE);
		this.invoker.start();
		this.responseWriter = new ResponseWriter(this.jsonMapper, properties.getMaxResponseSize().toBytes(), 8192,
				properties.isIncludeStackTrace());
		this.maxEventSize = properties.getMaxEventSize().toBytes();
		this.controller = new FunctionController(this.registry, this.eventMapper, this.eventBinder, this.invoker,
				this.responseWriter, this.maxEventSize, FunctionAccessCheck.NONE, properties.getBodyReadTimeout(),
				new AsyncInvocations(this.invoker, Map.of(), null,
						new AsyncResults(this.jsonMapper, this.responseWriter::errorJson), 1, 1, Duration.ZERO));
	}

	/**
	 * Finds a function.
	 * @param entryPoint its entry point
	 * @return the function
	 */
	public FunctionDefinition function(String entryPoint) {
		FunctionDefinition function = this.registry.find(entryPoint);
		if (function == null) {
			throw new IllegalStateException("No function " + entryPoint);
		}
		return function;
	}

	@Override
	public void close() {
		this.invoker.stop();
		this.invoker.destroy();
		this.workers.destroy();
		if (this.logWriter != null) {
			try {
				this.logWriter.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
