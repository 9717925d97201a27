package io.functionruntime.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The chain an application with Spring Security needs for its functions: their routes
 * permitted, without CSRF protection, so that the runtime decides who may call them;
 * every other route authenticated.
 */
@TestConfiguration(proxyBeanMethods = false)
class FunctionRoutesPermitted {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers(SecuredFunctions.FUNCTION_ROUTES)
				.permitAll()
				.anyRequest()
				.authenticated())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(SecuredFunctions.FUNCTION_ROUTES))
			.build();
	}

}
