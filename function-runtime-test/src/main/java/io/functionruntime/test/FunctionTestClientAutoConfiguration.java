package io.functionruntime.test;

import io.functionruntime.autoconfigure.FunctionRuntimeAutoConfiguration;
import io.functionruntime.internal.invoke.FunctionInvoker;
import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.trigger.TimerTriggerScheduler;
import io.functionruntime.internal.web.FunctionController;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The {@link FunctionTestClient} of {@link AutoConfigureFunctionTestClient}: bound to the
 * local test server when there is one, which it asks for its port only when calling,
 * else to the runtime in-process.
 */
@AutoConfiguration(after = FunctionRuntimeAutoConfiguration.class)
@ConditionalOnBean(FunctionController.class)
public final class FunctionTestClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FunctionTestClient functionTestClient(ApplicationContext applicationContext, FunctionController controller,
			ObjectProvider<JsonMapper> jsonMapper, FunctionRegistry registry, FunctionInvoker invoker,
			ObjectProvider<TimerTriggerScheduler> timers) {
		JsonMapper mapper = jsonMapper.getIfAvailable(JsonMapper::shared);
		LocalTestWebServer server = LocalTestWebServer.get(applicationContext);
		Transport transport = (server != null) ? new ServerTransport(server::uri, mapper)
				: new InProcessTransport(controller, mapper);
		return new FunctionTestClient(transport, mapper, new RuntimeControls(registry, invoker, timers));
	}

}
