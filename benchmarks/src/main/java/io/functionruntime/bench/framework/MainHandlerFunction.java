package io.functionruntime.bench.framework;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import io.functionruntime.bench.MainHandlerAnswer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Functions Framework peer of the load benchmark: the sample's {@code main.handler}
 * written for Google's Functions Framework for Java (invoker 2.0.0, Jetty inside), the same
 * work as the hand-written controller ({@link MainHandlerAnswer}) with the same Jackson 3.
 * The invoker serves it on every path; the benchmark calls {@code /main.handler}. The
 * framework's request has no peer address: like a function behind Google's front end, this
 * one takes the client from {@code X-Forwarded-For}, and without it the loopback address the
 * benchmark connects from (port 0, unknown).
 * <p>
 * Started as {@code java -jar java-function-invoker-2.0.0.jar --classpath
 * benchmarks-<version>-framework.jar --target
 * io.functionruntime.bench.framework.MainHandlerFunction --port <port>}.
 */
public class MainHandlerFunction implements HttpFunction {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String LOOPBACK = "127.0.0.1";

	@Override
	public void service(HttpRequest request, HttpResponse response) throws Exception {
		String requestId = MainHandlerAnswer.newId();
		Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>(request.getHeaders());
		String clientIp = request.getFirstHeader("X-Forwarded-For").orElse(LOOPBACK);
		byte[] body = request.getInputStream().readAllBytes();

		Map<String, Object> answer = MainHandlerAnswer.build(requestId, request.getMethod(), clientIp, 0,
				multiValueHeaders, request.getQueryParameters(), request.getContentType().orElse(null), body);
		response.setStatusCode(200);
		response.setContentType("application/json");
		response.appendHeader("X-Request-Id", requestId);
		try (OutputStream out = response.getOutputStream()) {
			MAPPER.writeValue(out, answer);
		}
	}

}
