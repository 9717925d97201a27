package io.functionruntime.bench.baseline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.functionruntime.bench.MainHandlerAnswer;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a user would hand-write for the sample's {@code main.handler}: read the headers,
 * query and body, build the event and context maps with the same keys
 * ({@link MainHandlerAnswer}, shared with the Functions Framework peer), and let Spring MVC
 * serialise them with Jackson. It does the same work as the runtime, not a cheaper one.
 */
@RestController
class MainHandlerController {

	@RequestMapping("/main.handler")
	ResponseEntity<Map<String, Object>> handle(HttpServletRequest request,
			@RequestBody(required = false) byte[] body) {
		String requestId = MainHandlerAnswer.newId();

		Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
		Enumeration<String> names = request.getHeaderNames();
		while (names.hasMoreElements()) {
			String name = names.nextElement();
			multiValueHeaders.put(name, Collections.list(request.getHeaders(name)));
		}
		Map<String, List<String>> multiValueQuery = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> multiValueQuery.put(name, new ArrayList<>(List.of(values))));

		Map<String, Object> answer = MainHandlerAnswer.build(requestId, request.getMethod(), request.getRemoteAddr(),
				request.getRemotePort(), multiValueHeaders, multiValueQuery, request.getContentType(),
				(body != null) ? body : new byte[0]);
		return ResponseEntity.ok().header("X-Request-Id", requestId).body(answer);
	}

}
