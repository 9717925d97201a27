package io.functionruntime.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.functionruntime.internal.registry.FunctionRegistry;
import io.functionruntime.internal.security.BearerTokenAccessCheck;
import io.functionruntime.internal.security.PrivateFunctions;
import io.functionruntime.internal.security.StaticTokenAuthenticationProvider;
import io.functionruntime.internal.web.FunctionAccessCheck;
import io.functionruntime.registry.FunctionDefinition;
import io.functionruntime.registry.FunctionDefinitionException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Checks the bearer token of every call to a private function with Spring Security's
 * resource-server authentication: the application's {@link JwtDecoder}, its
 * {@link OpaqueTokenIntrospector}, and {@code function-runtime.security.static-tokens}.
 * It registers no {@code SecurityFilterChain}, so that the application's own security, or
 * Spring Boot's default, stays as it is; the runtime checks the token in its entry, after
 * the application's filters.
 */
@AutoConfiguration(after = FunctionRuntimeAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ BearerTokenAuthenticationToken.class, JwtDecoder.class })
@ConditionalOnBean(FunctionRegistry.class)
@EnableConfigurationProperties(FunctionSecurityProperties.class)
public final class FunctionSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FunctionAccessCheck functionAccessCheck(FunctionRegistry registry, FunctionSecurityProperties properties,
			ObjectProvider<JwtDecoder> jwtDecoder, ObjectProvider<OpaqueTokenIntrospector> introspector) {
		FunctionDefinition privateFunction = PrivateFunctions.first(registry).orElse(null);
		if (privateFunction == null) {
			return FunctionAccessCheck.NONE;
		}
		List<AuthenticationProvider> providers = new ArrayList<>();
		if (!properties.getStaticTokens().isEmpty()) {
			providers.add(new StaticTokenAuthenticationProvider(nonBlank(properties.getStaticTokens())));
		}
		jwtDecoder.ifAvailable((decoder) -> providers.add(new JwtAuthenticationProvider(decoder)));
		introspector.ifAvailable((tokens) -> providers.add(new OpaqueTokenAuthenticationProvider(tokens)));
		if (providers.isEmpty()) {
			throw new FunctionDefinitionException(PrivateFunctions.isPrivate(privateFunction)
					+ ", but nothing can validate its callers' tokens: the application has no JwtDecoder bean, "
					+ "no OpaqueTokenIntrospector bean and no function-runtime.security.static-tokens.",
					"Declare a JwtDecoder bean (with Spring Boot's resource-server starter, set "
							+ "spring.security.oauth2.resourceserver.jwt.jwk-set-uri or issuer-uri), an "
							+ "OpaqueTokenIntrospector bean, or function-runtime.security.static-tokens for local "
							+ "development; or remove " + PrivateFunctions.publicProperty(privateFunction)
							+ "=false.");
		}
		return new BearerTokenAccessCheck(new ProviderManager(providers));
	}

	private static Map<String, String> nonBlank(Map<String, String> staticTokens) {
		staticTokens.forEach((principal, token) -> {
			if (token == null || token.isBlank()) {
				throw new FunctionDefinitionException(
						"function-runtime.security.static-tokens[" + principal + "] is empty.",
						"Set function-runtime.security.static-tokens[" + principal
								+ "] to the token of that principal, or remove it.");
			}
		});
		return staticTokens;
	}

}
