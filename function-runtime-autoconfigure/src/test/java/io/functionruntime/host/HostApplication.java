package io.functionruntime.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.functionruntime.FunctionHandler;
import io.functionruntime.HttpEvent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * An ordinary Spring MVC application that adds the starter: its own controllers (with form
 * and multipart parameters), a functional route, static files, and two functions that
 * report what body they received.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ HostApplication.OwnController.class, HostApplication.BodyFunctions.class })
class HostApplication {

	@Bean
	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route().GET("/routed", (request) -> ServerResponse.ok().body("routed")).build();
	}

	@Bean
	ParameterReadingFilter parameterReadingFilter() {
		return new ParameterReadingFilter();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@RestController
	static class OwnController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("the application's own failure");
		}

		@PostMapping("/upload")
		String upload(@RequestParam("file") MultipartFile file) {
			return file.getOriginalFilename() + ":" + file.getSize();
		}

		@PutMapping("/form")
		String form(@RequestParam("a") String a) {
			return "a=" + a;
		}

	}

	/**
	 * A filter of the application that reads request parameters, as some do, when asked
	 * to: on a form {@code POST} that consumes the body before any servlet can read it.
	 */
	static class ParameterReadingFilter extends OncePerRequestFilter {

		static final String HEADER = "X-Read-Parameters";

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getHeader(HEADER) != null) {
				request.getParameterMap();
			}
			chain.doFilter(request, response);
		}

	}

	/** Functions that answer with the length and digest of the body they were given. */
	static class BodyFunctions {

		static final AtomicInteger calls = new AtomicInteger();

		@FunctionHandler("body.digest")
		Map<String, Object> digest(HttpEvent event) {
			calls.incrementAndGet();
			byte[] body = event.isBase64Encoded() ? Base64.getDecoder().decode(event.body())
					: event.body().getBytes(StandardCharsets.UTF_8);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("statusCode", 200);
			result.put("body", body.length + " " + sha256(body));
			return result;
		}

		@FunctionHandler("raw.digest")
		String rawDigest(byte[] body) {
			calls.incrementAndGet();
			return body.length + " " + sha256(body);
		}

	}

}
