package io.functionruntime.internal.token;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.functionruntime.IamToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * sends, caching, refresh, every failure and the recovery after it. The tests drive time
 * themselves: a clock they move and a scheduler that runs the next refresh when they say,
 * so no test waits for real seconds or measures how long something took.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetadataTokenProviderTests {

	private static final String PATH = MetadataTokenProvider.TOKEN_PATH;

	/** A safety net for the one test that refreshes on a real thread, not a measurement. */
	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private WireMockServer metadata;

	private MetadataTokenProvider provider;

	private final ManualScheduler scheduler = new ManualScheduler();

	private final AnswerProgress progress = new AnswerProgress();

	@BeforeEach
	void startMetadataService() {
		this.metadata = new WireMockServer(
				WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").extensions(this.progress));
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
		return start(url, Duration.ofSeconds(2), readTimeout, refreshBefore, retryInterval, clock);
	}

	private MetadataTokenProvider start(String url, Duration connectTimeout, Duration readTimeout,
			Duration refreshBefore, Duration retryInterval, Clock clock) {
		this.provider = new MetadataTokenProvider(url, connectTimeout, readTimeout, refreshBefore, retryInterval,
				JsonMapper.shared(), clock, () -> this.scheduler);
		this.provider.start();
		return this.provider;
	}

	/** Starts a provider as the application does, refreshing on a thread of its own. */
	private MetadataTokenProvider startWithItsOwnScheduler(Duration refreshBefore) {
		this.provider = new MetadataTokenProvider(this.metadata.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(3),
				refreshBefore, Duration.ofSeconds(30), JsonMapper.shared(), Clock.systemUTC());
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
		return token(value, Long.toString(expiresIn));
	}

	private static ResponseDefinitionBuilder token(String value, String expiresIn) {
		return okJson("{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}");
	}

	/** The service gives these answers in turn, and the last one from then on. */
	private void answers(ResponseDefinitionBuilder... inTurn) {
		for (int i = 0; i < inTurn.length; i++) {
			this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("answers")
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "answer " + i)
				.willReturn(inTurn[i])
				.willSetStateTo("answer " + Math.min(i + 1, inTurn.length - 1)));
		}
	}

	private static int occurrences(CapturedOutput output, String text) {
		return output.getOut().split(Pattern.quote(text), -1).length - 1;
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
		refreshScenario("first", 4);
		MetadataTokenProvider provider = startWithItsOwnScheduler(Duration.ofMillis(3900));
		assertThat(provider.currentToken().accessToken()).isEqualTo("first");
		await().atMost(PATIENCE).until(() -> accessToken(provider), "second"::equals);
		this.metadata.verify(2, getRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void refreshIsScheduledRefreshBeforeTheExpiryAndFetchesANewToken() {
		refreshScenario("first", 3600);
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		MetadataTokenProvider provider = start(Duration.ofMillis(2000), Duration.ofSeconds(30), clock);
		assertThat(provider.currentToken().accessToken()).isEqualTo("first");
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(3600).minusMillis(2000));
		this.metadata.verify(1, getRequestedFor(urlEqualTo(PATH)));
		clock.advance(Duration.ofSeconds(3598));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("second");
		assertThat(provider.currentToken().expiresIn()).isEqualTo(3600);
		this.metadata.verify(2, getRequestedFor(urlEqualTo(PATH)));
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(3598), Duration.ofSeconds(3598));
	}

	@Test
	void defaultRefreshIsWhenATenthOfTheLifetimeIsLeft() {
		refreshScenario("first", 10);
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		MetadataTokenProvider provider = start(null, Duration.ofSeconds(30), clock);
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(9));
		clock.advance(Duration.ofSeconds(9));
		assertThat(provider.currentToken().accessToken()).isEqualTo("first");
		this.metadata.verify(1, getRequestedFor(urlEqualTo(PATH)));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("second");
		this.metadata.verify(2, getRequestedFor(urlEqualTo(PATH)));
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(9), Duration.ofSeconds(3240));
	}

	/** The service answers a first token, then "second" for an hour. */
	private void refreshScenario(String first, long expiresIn) {
		this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("refresh")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token(first, expiresIn))
			.willSetStateTo("refreshed"));
		this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("refresh")
			.whenScenarioStateIs("refreshed")
			.willReturn(token("second", 3600)));
	}

	@Test
	void refusedConnectionLeavesTheTokenAbsentAndIsLogged(CapturedOutput output) {
		String url = this.metadata.baseUrl();
		this.metadata.stop();
		assertThat(start(url, null, Duration.ofSeconds(30), Clock.systemUTC()).currentToken()).isNull();
		assertThat(output.getOut()).contains("is unavailable: the connection was refused");
	}

	@Test
	void slowServiceTimesOutQuickly(CapturedOutput output) throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CountDownLatch accepted = new CountDownLatch(1);
			CountDownLatch answer = new CountDownLatch(1);
			Thread service = new Thread(() -> {
				try (Socket connection = silent.accept()) {
					accepted.countDown();
					answer.await();
				}
				catch (IOException | InterruptedException ex) {
					// the test is over
				}
			}, "silent-metadata-service");
			service.start();
			try {
				String url = "http://127.0.0.1:" + silent.getLocalPort();
				assertThat(start(url, Duration.ofMillis(500), null, Duration.ofSeconds(30), Clock.systemUTC())
					.currentToken()).isNull();
				assertThat(accepted.getCount()).as("the service took the connection").isZero();
				assertThat(answer.getCount()).as("gave up while the service still held its answer").isOne();
				assertThat(output.getOut()).contains("is unavailable: no answer within 500 ms");
			}
			finally {
				answer.countDown();
				service.join(TimeUnit.SECONDS.toMillis(PATIENCE.toSeconds()));
			}
		}
	}

	@Test
	void tricklingBodyIsAbandonedAfterConnectPlusReadTimeoutAndTheNextRefreshPicksUpAGoodAnswer(
			CapturedOutput output) {
		this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("trickle")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(token("trickled-" + "x".repeat(1500), 3600).withChunkedDribbleDelay(1500,
					(int) PATIENCE.toMillis()))
			.willSetStateTo("recovered"));
		this.metadata.stubFor(get(urlEqualTo(PATH)).inScenario("trickle")
			.whenScenarioStateIs("recovered")
			.willReturn(token("good", 3600)));
		MetadataTokenProvider provider = start(this.metadata.baseUrl(), Duration.ofMillis(200), Duration.ofSeconds(2),
				null, Duration.ofSeconds(30), Clock.systemUTC());
		assertThat(provider.currentToken()).isNull();
		assertThat(this.progress.begun.getCount()).as("the service began its answer").isZero();
		assertThat(this.progress.finished.getCount()).as("gave up while the service was still sending").isOne();
		assertThat(output.getOut())
			.contains("is unavailable: the body of the answer was not complete within 2200 ms");
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(30));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("good");
		this.metadata.verify(2, getRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void connectionResetMidAnswerLeavesTheTokenAbsentAndIsLogged(CapturedOutput output) {
		answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		assertThat(start().currentToken()).isNull();
		// The JDK's client reports a reset as either, depending on when it reads it.
		assertThat(output.getOut()).containsPattern("is unavailable: the request failed \\((SocketException|EOFException)\\)");
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(30));
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

	@ParameterizedTest(name = "expires_in {0}")
	@CsvSource(delimiter = '|', textBlock = """
			1e18                           | 1.0E18
			1000000000000000000            | 1000000000000000000
			123456789012345678901234567890 | 123456789012345678901234567890
			43201                          | 43201
			""")
	void lifetimeAboveTwelveHoursIsClampedToTwelveHoursAtStartup(String expiresIn, String shown,
			CapturedOutput output) {
		answer(token("long-lived", expiresIn));
		MetadataTokenProvider provider = start(null, Duration.ofSeconds(30), new MutableClock(START));
		assertThat(provider.currentToken().accessToken()).isEqualTo("long-lived");
		assertThat(provider.currentToken().expiresIn()).isEqualTo(43200);
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofHours(12).minusMinutes(72));
		assertThat(output.getOut()).contains("expires_in " + shown
				+ " is above the longest lifetime taken, 12 h; the token is taken to expire in 12 h");
	}

	@Test
	void lifetimeUnderASecondIsClampedToOneSecondAtStartup(CapturedOutput output) {
		answer(token("short-lived", "0.25"));
		MetadataTokenProvider provider = start(null, Duration.ofSeconds(30), new MutableClock(START));
		assertThat(provider.currentToken().expiresIn()).isEqualTo(1);
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofMillis(900));
		assertThat(output.getOut()).contains(
				"expires_in 0.25 is below the shortest lifetime taken, 1 s; the token is taken to expire in 1 s");
	}

	@ParameterizedTest(name = "expires_in {0}")
	@CsvSource(delimiter = '|', textBlock = """
			0                               | the token has already expired (expires_in 0)
			-5                              | the token has already expired (expires_in -5)
			-1e18                           | the token has already expired (expires_in -1.0E18)
			-123456789012345678901234567890 | the token has already expired (expires_in -123456789012345678901234567890)
			"3600"                          | expires_in is not a number: "3600"
			null                            | expires_in is not a number: null
			{"seconds":3600}                | expires_in is not a number: {"seconds":3600}
			""")
	void nonPositiveOrNonNumericLifetimeIsRefusedAtStartupAndTheRetryPicksUpAGoodToken(String expiresIn,
			String reason, CapturedOutput output) {
		answers(token("refused-secret", expiresIn), token("good", 3600));
		MetadataTokenProvider provider = start(null, Duration.ofSeconds(30), new MutableClock(START));
		assertThat(provider.currentToken()).isNull();
		assertThat(output.getOut()).contains("is unavailable: " + reason).doesNotContain("refused-secret");
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(30));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("good");
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(3240));
	}

	@ParameterizedTest(name = "expires_in {0}")
	@CsvSource(delimiter = '|', textBlock = """
			1e18                           | PT10H48M
			123456789012345678901234567890 | PT10H48M
			0.25                           | PT0.9S
			""")
	void absurdLifetimeInABackgroundRefreshIsClampedAndRefreshingGoesOn(String expiresIn, Duration nextRefresh) {
		answers(token("first", 3600), token("clamped", expiresIn), token("third", 3600));
		MutableClock clock = new MutableClock(START);
		MetadataTokenProvider provider = start(null, Duration.ofSeconds(30), clock);
		clock.advance(Duration.ofSeconds(3240));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("clamped");
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(3240), nextRefresh);
		clock.advance(nextRefresh);
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("third");
		this.metadata.verify(3, getRequestedFor(urlEqualTo(PATH)));
	}

	@ParameterizedTest(name = "expires_in {0}")
	@CsvSource(delimiter = '|', textBlock = """
			0                               | the token has already expired (expires_in 0)
			-1e18                           | the token has already expired (expires_in -1.0E18)
			-123456789012345678901234567890 | the token has already expired (expires_in -123456789012345678901234567890)
			"soon"                          | expires_in is not a number: "soon"
			""")
	void refusedLifetimeInABackgroundRefreshKeepsThePreviousTokenAndRetries(String expiresIn, String reason,
			CapturedOutput output) {
		answers(token("first", 3600), token("refused-secret", expiresIn), token("third", 3600));
		MutableClock clock = new MutableClock(START);
		MetadataTokenProvider provider = start(null, Duration.ofSeconds(30), clock);
		clock.advance(Duration.ofSeconds(3240));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("first");
		assertThat(output.getOut()).contains("is unavailable: " + reason).doesNotContain("refused-secret");
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(3240), Duration.ofSeconds(30));
		clock.advance(Duration.ofSeconds(30));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("third");
	}

	@Test
	void sameClampedLifetimeIsLoggedOnceAndAnotherValueAgain(CapturedOutput output) {
		answers(token("a", "1e18"), token("b", "1e18"), token("c", "5e18"));
		start(Duration.ofHours(11), Duration.ofSeconds(30), new MutableClock(START));
		this.scheduler.runNext();
		this.scheduler.runNext();
		this.scheduler.runNext();
		this.metadata.verify(4, getRequestedFor(urlEqualTo(PATH)));
		assertThat(occurrences(output, "expires_in 1.0E18 is above")).isOne();
		assertThat(occurrences(output, "expires_in 5.0E18 is above")).isOne();
	}

	@Test
	void unexpectedExceptionInABackgroundRefreshIsLoggedAndRetriedAfterTheRetryInterval(CapturedOutput output) {
		refreshScenario("first", 3600);
		MutableClock clock = new MutableClock(START);
		MetadataTokenProvider provider = start(null, Duration.ofSeconds(30), clock);
		clock.advance(Duration.ofSeconds(3240));
		clock.failOnce(new IllegalStateException("the clock broke"));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("first");
		assertThat(output.getOut()).contains(
				"is unavailable: the refresh failed unexpectedly (java.lang.IllegalStateException: the clock broke)");
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(3240), Duration.ofSeconds(30));
		clock.advance(Duration.ofSeconds(30));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("second");
	}

	@Test
	void unexpectedExceptionAtStartupLeavesTheTokenAbsentAndIsRetried(CapturedOutput output) {
		answer(token("later", 3600));
		MutableClock clock = new MutableClock(START);
		clock.failOnce(new IllegalStateException("the clock broke"));
		MetadataTokenProvider provider = start(null, Duration.ofSeconds(30), clock);
		assertThat(provider.currentToken()).isNull();
		assertThat(output.getOut()).contains("the refresh failed unexpectedly");
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofSeconds(30));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("later");
	}

	@Test
	void repeatedFailureIsLoggedOnceAndRecoveryIsLogged(CapturedOutput output) {
		answer(aResponse().withStatus(500));
		MetadataTokenProvider provider = start(null, Duration.ofMillis(100), Clock.systemUTC());
		for (int i = 0; i < 4; i++) {
			this.scheduler.runNext();
		}
		this.metadata.verify(5, getRequestedFor(urlEqualTo(PATH)));
		assertThat(this.scheduler.delays()).hasSize(5).containsOnly(Duration.ofMillis(100));
		assertThat(output.getOut().split("the service answered HTTP 500", -1)).hasSize(2);
		this.metadata.resetAll();
		answer(token("back-secret", 3600));
		this.scheduler.runNext();
		assertThat(provider.currentToken().accessToken()).isEqualTo("back-secret");
		assertThat(output.getOut()).contains("is available again").doesNotContain("back-secret");
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
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		MetadataTokenProvider provider = start(Duration.ofMillis(3_599_900), Duration.ofMillis(100), clock);
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofMillis(100));
		clock.advance(Duration.ofMillis(100));
		this.scheduler.runNext();
		clock.advance(Duration.ofMillis(100));
		this.scheduler.runNext();
		this.metadata.verify(3, getRequestedFor(urlEqualTo(PATH)));
		assertThat(this.scheduler.delays()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100),
				Duration.ofMillis(100));
		assertThat(provider.currentToken().accessToken()).isEqualTo("kept");
		clock.advance(Duration.ofSeconds(3600));
		assertThat(provider.currentToken()).isNull();
	}

	private static String accessToken(MetadataTokenProvider provider) {
		IamToken token = provider.currentToken();
		return (token != null) ? token.accessToken() : null;
	}

	/**
	 * A scheduler that runs nothing by itself: it records the delay of each refresh it is
	 * given, and the test runs the refresh when it says, on its own thread.
	 */
	static final class ManualScheduler implements MetadataTokenProvider.RefreshScheduler {

		private final List<Duration> delays = new ArrayList<>();

		private Runnable next;

		@Override
		public synchronized void schedule(Runnable task, Duration delay) {
			assertThat(this.next).as("one refresh scheduled at a time").isNull();
			this.delays.add(delay);
			this.next = task;
		}

		@Override
		public synchronized void close() {
			this.next = null;
		}

		synchronized List<Duration> delays() {
			return List.copyOf(this.delays);
		}

		void runNext() {
			Runnable task;
			synchronized (this) {
				task = this.next;
				this.next = null;
			}
			assertThat(task).as("a scheduled refresh").isNotNull();
			task.run();
		}

	}

	/** Tells when the service began its first answer and when it had sent all of it. */
	static final class AnswerProgress implements ServeEventListener {

		final CountDownLatch begun = new CountDownLatch(1);

		final CountDownLatch finished = new CountDownLatch(1);

		@Override
		public String getName() {
			return "answer-progress";
		}

		@Override
		public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
			this.begun.countDown();
		}

		@Override
		public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
			this.finished.countDown();
		}

	}

	/** A clock the test moves by hand. */
	static final class MutableClock extends Clock {

		private Instant now;

		private RuntimeException failure;

		MutableClock(Instant now) {
			this.now = now;
		}

		/** The next reading throws this instead of telling the time. */
		void failOnce(RuntimeException failure) {
			this.failure = failure;
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
			RuntimeException thrown = this.failure;
			if (thrown != null) {
				this.failure = null;
				throw thrown;
			}
			return this.now;
		}

	}

}
