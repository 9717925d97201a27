package io.functionruntime.security;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.functionruntime.http.TestHttp;
import io.functionruntime.http.TestHttpConfiguration;
import io.functionruntime.security.SecuredFunctions.Calls;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the application's {@link JwtDecoder}, a private function answers calls with a JWT
 * it accepts, signed by the trusted key and unexpired, whose subject is an invoker.
 */
@SpringBootTest(
		classes = { SecuredFunctions.class, FunctionRoutesPermitted.class, PrivateFunctionJwtTests.TrustedKey.class,
				TestHttpConfiguration.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "function-runtime.functions[private.handler].public=false",
				"function-runtime.functions[alice.handler].public=false",
				"function-runtime.functions[alice.handler].invokers=alice" })
class PrivateFunctionJwtTests {

	private static final KeyPair TRUSTED = rsaKeyPair();

	private static final KeyPair UNTRUSTED = rsaKeyPair();

	@Autowired
	TestHttp http;

	@Autowired
	Calls calls;

	@Test
	void validJwtRuns() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = call("/private.handler", jwt(TRUSTED, "bob", Instant.now().plusSeconds(300)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.calls.count()).isEqualTo(before + 1);
	}

	@Test
	void expiredJwtIsUnauthorizedAndDoesNotRun() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = call("/private.handler",
				jwt(TRUSTED, "bob", Instant.now().minus(Duration.ofMinutes(10))));

		JsonNode body = TestHttp.errorBody(response, 401, "Unauthorized");
		assertThat(body.get("errorMessage").asString()).isEqualTo("The bearer token is not valid");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
			.startsWith("Bearer error=\"invalid_token\", error_description=\"")
			.contains("Jwt expired at");
		assertThat(this.calls.count()).isEqualTo(before);
	}

	@Test
	void jwtSignedByAnotherKeyIsUnauthorizedAndDoesNotRun() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = call("/private.handler",
				jwt(UNTRUSTED, "bob", Instant.now().plusSeconds(300)));

		TestHttp.errorBody(response, 401, "Unauthorized");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
			.startsWith("Bearer error=\"invalid_token\"");
		assertThat(this.calls.count()).isEqualTo(before);
	}

	@Test
	void jwtOfAnInvokerRuns() {
		HttpResponse<byte[]> response = call("/alice.handler", jwt(TRUSTED, "alice", Instant.now().plusSeconds(300)));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void validJwtWhoseSubjectIsNoInvokerIsForbiddenAndDoesNotRun() {
		int before = this.calls.count();

		HttpResponse<byte[]> response = call("/alice.handler", jwt(TRUSTED, "bob", Instant.now().plusSeconds(300)));

		JsonNode body = TestHttp.errorBody(response, 403, "Forbidden");
		assertThat(body.get("errorMessage").asString())
			.isEqualTo("'bob' is not an invoker of function 'alice.handler'");
		assertThat(this.calls.count()).isEqualTo(before);
	}

	private HttpResponse<byte[]> call(String path, String jwt) {
		return this.http.send("GET", path, null, null, "Authorization", "Bearer " + jwt);
	}

	private static String jwt(KeyPair key, String subject, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issueTime(Date.from(expiresAt.minus(Duration.ofHours(1))))
			.expirationTime(Date.from(expiresAt))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner(key.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair rsaKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The application's decoder, which trusts one RSA key. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TrustedKey {

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) TRUSTED.getPublic()).build();
		}

	}

}
