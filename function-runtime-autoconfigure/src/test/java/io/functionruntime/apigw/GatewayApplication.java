package io.functionruntime.apigw;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.functionruntime.FunctionHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with functions behind the emulated API Gateway: one that answers with
 * the event it got, one with a PNG in Base64, one with a CORS header and its method, an
 * authorizer, one with a redirect, and a controller of its own on a path the spec does not name.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ GatewayApplication.Functions.class, GatewayApplication.OwnController.class })
class GatewayApplication {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff };

	static final AtomicInteger calls = new AtomicInteger();

	static final AtomicInteger authorizations = new AtomicInteger();

	static final AtomicReference<Map<String, Object>> authorizerEvent = new AtomicReference<>();

	static class Functions {

		@FunctionHandler("echo.event")
		Map<String, Object> echo(Map<String, Object> event) {
			calls.incrementAndGet();
			Map<String, Object> response = new LinkedHashMap<>();
			response.put("statusCode", 200);
			response.put("headers", Map.of("Content-Type", "application/json"));
			response.put("body", JsonMapper.shared().writeValueAsString(event));
			return response;
		}

		@FunctionHandler("image.png")
		Map<String, Object> image(Map<String, Object> event) {
			calls.incrementAndGet();
			return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "image/png"), "body",
					Base64.getEncoder().encodeToString(PNG), "isBase64Encoded", true);
		}

		@FunctionHandler("cors.answer")
		Map<String, Object> cors(Map<String, Object> event) {
			calls.incrementAndGet();
			return Map.of("statusCode", 200, "headers", Map.of("Access-Control-Allow-Origin", "https://fn.example",
					"X-Method", String.valueOf(event.get("httpMethod"))));
		}

		/**
		 * Lets {@code Bearer good} and the API key {@code good} through, refuses
		 * {@code Bearer bad}, fails on {@code Bearer boom} and answers no decision to
		 * {@code Bearer odd}.
		 */
		@FunctionHandler("auth.check")
		Map<String, Object> authorize(Map<String, Object> event) {
			authorizations.incrementAndGet();
			authorizerEvent.set(event);
			Map<?, ?> headers = (Map<?, ?>) event.get("headers");
			String credential = String.valueOf(headers.containsKey("X-Api-Key") ? headers.get("X-Api-Key")
					: headers.get("Authorization"));
			return switch (credential) {
				case "Bearer good", "good" -> Map.of("isAuthorized", true, "context",
						Map.of("user", "alice", "roles", List.of("admin")));
				case "Bearer boom" -> throw new IllegalStateException("authorizer down");
				case "Bearer odd" -> Map.of("allowed", "yes");
				default -> Map.of("isAuthorized", false);
			};
		}

		@FunctionHandler("go.away")
		Map<String, Object> redirect(Map<String, Object> event) {
			calls.incrementAndGet();
			return Map.of("statusCode", 302, "headers", Map.of("Location", "https://example.org/elsewhere"));
		}

	}

	@RestController
	static class OwnController {

		@GetMapping("/own/hello")
		String hello() {
			return new String("hello from the application".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}

	}

}
