package io.functionruntime.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.functionruntime.IamToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metadata-service token provider against a fake metadata service: the request it
 * sends, caching, refresh, every failure and the recovery after it.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetadataTokenProviderTests {

	private static final String PATH = MetadataTokenProvider.TOKEN_PATH;

	private WireMockServer metadata;

	private MetadataTokenProvider provider;

	@BeforeEach
	void startMetadataService() {
		this.metadata = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		this.metadata.start();
	}

	@AfterEach
	void stop() {
		if (this.provider != null) {
			this.provider.stop();
		}
		this.metadata.stop();
	}

	private MetadataTokenProvider start(Duration refreshBefore, Duration retryInterval, Clock clock) {
		return start(this.metadata.baseUrl(), refreshBefore, retryInterval, clock);
	}

	private MetadataTokenProvider start(String url, Duration refreshBefore, Duration retryInterval, Clock clock) {
		return start(url, Duration.ofSeconds(3), refreshBefore, retryInterval, clock);
	}

	private MetadataTokenProvider start(String url, Duration readTimeout, Duration refreshBefore,
			Duration retryInterval, Clock clock) {
		this.provider = new MetadataTokenProvider(url, Duration.ofSeconds(2), readTimeout, refreshBefore,
				retryInterval, JsonMapper.shared(), clock);
		this.provider.start();
		return this.provider;
	}

	private MetadataTokenProvider start() {
		return start(null, Duration.ofSeconds(30), Clock.systemUTC());
	}

	private void answer(ResponseDefinitionBuilder response) {
		this.metadata.stubFor(get(urlEqualTo(PATH)).withHeader("Metadata-Flavor", equalTo("Google")).willReturn(response));
	}

	private static ResponseDefinitionBuilder token(String value, long expiresIn) {
		return okJson("{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}");
	}

	@Test
	void tokenIsFetchedWithTheMetadataFlavorHeader() {
		answer(token("t1.secret", 43200));
		IamToken token = start().currentToken();
		assertThat(token.accessToken()).isEqualTo("t1.secret");
		assertThat(token.tokenType()).isEqualTo("Bearer");
		assertThat(token.expiresIn()).isBetween(43190L, 43200L);
		this.metadata.verify(1, getRequestedFor(urlEqualTo(PATH)).withHeader("Metadata-Flavor", equalTo("Google")));
	}

	@Test
	void tokenIsCachedAndExpiresInCountsDownFromTheRealExpiry() {
		answer(token("t1.secret", 3600));
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		MetadataTokenProvider provider = start(null, Duration.ofSeconds(30), clock);
		assertThat(provider.currentToken().expiresIn()).isEqualTo(3600);
		clock.advance(Duration.ofSeconds(100));
		assertThat(provider.currentToken().expiresIn()).isEqualTo(3500);
		for (int i = 0; i < 50; i++) {
			provider.currentToken();
		}
		clock.advance(Duration.ofMillis(3_499_001));
		assertThat(provider.currentToken().expiresIn()).isEqualTo(1);
		clock.advance(Duration.ofMillis(999));
		assertThat(provider.currentToken()).isNull();
		this.metadata.verify(1, getRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void tokenIsRefreshedInTheBackgroundBeforeItExpires() {
		this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("refresh")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("first", 4))
			.willSetStateTo("refreshed"));
		this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("refresh")
			.whenScenarioStateIs("refreshed")
			.willReturn(token("second", 3600)));
		MetadataTokenProvider provider = start(Duration.ofMillis(2000), Duration.ofSeconds(30), Clock.systemUTC());
		assertThat(provider.currentToken().accessToken()).isEqualTo("first");
		await().atMost(Duration.ofSeconds(5)).until(() -> accessToken(provider), "second"::equals);
		this.metadata.verify(2, getRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void defaultRefreshIsWhenATenthOfTheLifetimeIsLeft() {
		this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("tenth")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("first", 10))
			.willSetStateTo("refreshed"));
		this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("tenth")
			.whenScenarioStateIs("refreshed")
			.willReturn(token("second", 3600)));
		long started = System.nanoTime();
		MetadataTokenProvider provider = start();
		await().atMost(Duration.ofSeconds(12)).until(() -> accessToken(provider), "second"::equals);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(8500),
				Duration.ofMillis(10_000));
	}

	@Test
	void refusedConnectionLeavesTheTokenAbsentAndIsLogged(CapturedOutput output) {
		String url = this.metadata.baseUrl();
		this.metadata.stop();
		assertThat(start(url, null, Duration.ofSeconds(30), Clock.systemUTC()).currentToken()).isNull();
		assertThat(output.getOut()).contains("is unavailable: the connection was refused");
	}

	@Test
	void slowServiceTimesOutQuickly(CapturedOutput output) {
		answer(token("slow", 3600).withFixedDelay(3000));
		long started = System.nanoTime();
		assertThat(start(this.metadata.baseUrl(), Duration.ofMillis(500), null, Duration.ofSeconds(30),
				Clock.systemUTC()).currentToken()).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
		assertThat(output.getOut()).contains("is unavailable: no answer within 500 ms");
	}

	@Test
	void errorStatusesLeaveTheTokenAbsent(CapturedOutput output) {
		answer(aResponse().withStatus(404));
		assertThat(start().currentToken()).isNull();
		assertThat(output.getOut()).contains("is unavailable: the service answered HTTP 404");
		this.provider.stop();
		this.metadata.resetAll();
		answer(aResponse().withStatus(500));
		assertThat(start().currentToken()).isNull();
		assertThat(output.getOut()).contains("is unavailable: the service answered HTTP 500");
	}

	@Test
	void invalidJsonLeavesTheTokenAbsent(CapturedOutput output) {
		answer(aResponse().withStatus(200).withBody("{not json"));
		assertThat(start().currentToken()).isNull();
		assertThat(output.getOut()).contains("is unavailable: the answer is not valid JSON");
	}

	@Test
	void missingFieldsLeaveTheTokenAbsent(CapturedOutput output) {
		answer(okJson("{\"expires_in\":3600}"));
		assertThat(start().currentToken()).isNull();
		assertThat(output.getOut()).contains("is unavailable: the answer has no access_token");
		this.provider.stop();
		this.metadata.resetAll();
		answer(okJson("{\"access_token\":\"no-expiry-secret\"}"));
		assertThat(start().currentToken()).isNull();
		assertThat(output.getOut()).contains("is unavailable: the answer has no expires_in")
			.doesNotContain("no-expiry-secret");
	}

	@Test
	void alreadyExpiredTokenIsRefused(CapturedOutput output) {
		answer(token("expired-secret", 0));
		assertThat(start().currentToken()).isNull();
		assertThat(output.getOut()).contains("is unavailable: the token has already expired")
			.doesNotContain("expired-secret");
	}

	@Test
	void repeatedFailureIsLoggedOnceAndRecoveryIsLogged(CapturedOutput output) {
		answer(aResponse().withStatus(500));
		MetadataTokenProvider provider = start(null, Duration.ofMillis(100), Clock.systemUTC());
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.metadata.countRequestsMatching(getRequestedFor(urlEqualTo(PATH)).build()).getCount() >= 5);
		assertThat(output.getOut().split("the service answered HTTP 500", -1)).hasSize(2);
		this.metadata.resetAll();
		answer(token("back-secret", 3600));
		await().atMost(Duration.ofSeconds(5)).until(() -> provider.currentToken() != null);
		assertThat(provider.currentToken().accessToken()).isEqualTo("back-secret");
		await().atMost(Duration.ofSeconds(2)).until(() -> output.getOut().contains("is available again"));
		assertThat(output.getOut()).doesNotContain("back-secret");
	}

	@Test
	void failedRefreshKeepsThePreviousTokenUntilItExpires() {
		this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("kept", 3600))
			.willSetStateTo("down"));
		this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("outage")
			.whenScenarioStateIs("down")
			.willReturn(aResponse().withStatus(500)));
		MetadataTokenProvider provider = start(Duration.ofMillis(3_599_900), Duration.ofMillis(100), Clock.systemUTC());
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.metadata.countRequestsMatching(getRequestedFor(urlEqualTo(PATH)).build()).getCount() >= 3);
		assertThat(provider.currentToken().accessToken()).isEqualTo("kept");
	}

	private static String accessToken(MetadataTokenProvider provider) {
		IamToken token = provider.currentToken();
		return (token != null) ? token.accessToken() : null;
	}

	/** A clock the test moves by hand. */
	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
