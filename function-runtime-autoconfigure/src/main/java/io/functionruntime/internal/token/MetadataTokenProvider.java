package io.functionruntime.internal.token;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.functionruntime.IamToken;
import io.functionruntime.token.TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The token of the service account, from the metadata service of the VM or container.
 * <p>
 * It is fetched once at startup and then refreshed in the background before it expires,
 * so a call never waits for it. When the service cannot be reached or answers nonsense,
 * the reason is logged once, calls run without a token (or with the previous one until it
 * expires), and the provider tries again until the service is back.
 */
public class MetadataTokenProvider implements TokenProvider, SmartLifecycle {

	static final String TOKEN_PATH = "/computeMetadata/v1/instance/service-accounts/default/token";

	/** The shortest lifetime taken from the service; below it, refreshes would follow each other too fast. */
	static final Duration MIN_LIFETIME = Duration.ofSeconds(1);

	/** The longest lifetime taken from the service: an IAM token lives at most 12 hours. */
	static final Duration MAX_LIFETIME = Duration.ofHours(12);

	private static final Logger logger = LoggerFactory.getLogger(MetadataTokenProvider.class);

	private final URI uri;

	private final HttpClient client;

	private final Duration readTimeout;

	private final Duration exchangeTimeout;

	private final Duration refreshBefore;

	private final Duration retryInterval;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final Supplier<RefreshScheduler> schedulers;

	private volatile CachedToken cached;

	private volatile RefreshScheduler scheduler;

	private String lastFailure;

	private String lastClamp;

	/**
	 * Creates a provider.
	 * @param metadataUrl the base URL of the metadata service
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the answer's headers; the whole exchange must
	 * be over within the connect and read timeouts together
	 * @param refreshBefore how long before expiry to refresh, or {@code null} for a tenth
	 * of the token's lifetime
	 * @param retryInterval how long to wait after a failure
	 * @param jsonMapper reads the answer
	 * @param clock tells the time
	 */
	public MetadataTokenProvider(String metadataUrl, Duration connectTimeout, Duration readTimeout,
			Duration refreshBefore, Duration retryInterval, JsonMapper jsonMapper, Clock clock) {
		this(metadataUrl, connectTimeout, readTimeout, refreshBefore, retryInterval, jsonMapper, clock,
				ExecutorRefreshScheduler::new);
	}

	/**
	 * Creates a provider that schedules its refreshes with schedulers of its own, so that
	 * a test can drive time itself.
	 * @param schedulers makes the scheduler of each {@link #start()}, closed by
	 * {@link #stop()}
	 */
	MetadataTokenProvider(String metadataUrl, Duration connectTimeout, Duration readTimeout, Duration refreshBefore,
			Duration retryInterval, JsonMapper jsonMapper, Clock clock, Supplier<RefreshScheduler> schedulers) {
		this.uri = URI.create(metadataUrl.replaceAll("/+$", "") + TOKEN_PATH);
		this.client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.readTimeout = readTimeout;
		this.exchangeTimeout = connectTimeout.plus(readTimeout);
		this.refreshBefore = refreshBefore;
		this.retryInterval = retryInterval;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
		this.schedulers = schedulers;
	}

	@Override
	public IamToken currentToken() {
		CachedToken token = this.cached;
		if (token == null) {
			return null;
		}
		return IamToken.expiringAt(token.accessToken(), token.expiresAt(), this.clock.instant());
	}

	/** Fetches the first token before the server takes calls, then keeps it fresh. */
	@Override
	public void start() {
		this.scheduler = this.schedulers.get();
		refresh();
	}

	@Override
	public void stop() {
		RefreshScheduler running = this.scheduler;
		if (running != null) {
			running.close();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/** Before the web server starts, so that the first call already has a token. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/**
	 * Fetches a token and schedules the next refresh. Nothing it meets ends the refreshing:
	 * an unexpected exception is logged like any failure and retried after the retry
	 * interval, since a refresh that threw would never be scheduled again.
	 */
	private void refresh() {
		Duration next;
		try {
			CachedToken token = fetch();
			this.cached = token;
			if (this.lastFailure != null) {
				logger.info("IAM token from the metadata service at {} is available again", this.uri);
				this.lastFailure = null;
			}
			next = untilRefresh(token);
		}
		catch (TokenFetchException ex) {
			failed(ex.getMessage(), null);
			next = this.retryInterval;
		}
		catch (RuntimeException ex) {
			failed("the refresh failed unexpectedly (" + ex + ")", ex);
			next = this.retryInterval;
		}
		RefreshScheduler running = this.scheduler;
		if (running != null) {
			running.schedule(this::refresh, next);
		}
	}

	private void failed(String reason, Throwable cause) {
		if (!reason.equals(this.lastFailure)) {
			logger.warn("IAM token from the metadata service at {} is unavailable: {}; calls run without "
					+ "a new token until it is back", this.uri, reason, cause);
			this.lastFailure = reason;
		}
	}

	private Duration untilRefresh(CachedToken token) {
		Duration before = (this.refreshBefore != null) ? this.refreshBefore : token.lifetime().dividedBy(10);
		Duration delay = Duration.between(this.clock.instant(), token.expiresAt()).minus(before);
		return (delay.compareTo(Duration.ofMillis(100)) > 0) ? delay : Duration.ofMillis(100);
	}

	private CachedToken fetch() throws TokenFetchException {
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.header("Metadata-Flavor", "Google")
			.timeout(this.readTimeout)
			.GET()
			.build();
		HttpResponse<byte[]> response = send(request);
		if (response.statusCode() != 200) {
			throw new TokenFetchException("the service answered HTTP " + response.statusCode());
		}
		JsonNode answer;
		try {
			answer = this.jsonMapper.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new TokenFetchException("the answer is not valid JSON");
		}
		JsonNode accessToken = (answer != null) ? answer.get("access_token") : null;
		JsonNode expiresIn = (answer != null) ? answer.get("expires_in") : null;
		if (accessToken == null || !accessToken.isString() || accessToken.asString().isBlank()) {
			throw new TokenFetchException("the answer has no access_token");
		}
		Duration lifetime = lifetime(expiresIn);
		return new CachedToken(accessToken.asString(), this.clock.instant().plus(lifetime), lifetime);
	}

	/**
	 * The token's lifetime from {@code expires_in}, within {@link #MIN_LIFETIME} and
	 * {@link #MAX_LIFETIME}, so that no answer can overflow the expiry or stop the refresh
	 * schedule. A lifetime that is not a number or not positive is refused.
	 */
	private Duration lifetime(JsonNode expiresIn) throws TokenFetchException {
		if (expiresIn == null) {
			throw new TokenFetchException("the answer has no expires_in");
		}
		if (!expiresIn.isNumber()) {
			throw new TokenFetchException("expires_in is not a number: " + shown(expiresIn));
		}
		double seconds = expiresIn.numberValue().doubleValue();
		if (!(seconds > 0)) {
			throw new TokenFetchException("the token has already expired (expires_in " + shown(expiresIn) + ")");
		}
		Duration lifetime;
		String clamp;
		if (seconds < MIN_LIFETIME.toSeconds()) {
			lifetime = MIN_LIFETIME;
			clamp = "below the shortest lifetime taken, 1 s; the token is taken to expire in 1 s";
		}
		else if (seconds > MAX_LIFETIME.toSeconds()) {
			lifetime = MAX_LIFETIME;
			clamp = "above the longest lifetime taken, 12 h; the token is taken to expire in 12 h";
		}
		else {
			this.lastClamp = null;
			return Duration.ofMillis((long) (seconds * 1000));
		}
		String problem = "expires_in " + shown(expiresIn) + " is " + clamp;
		if (!problem.equals(this.lastClamp)) {
			logger.warn("IAM token from the metadata service at {}: {}", this.uri, problem);
			this.lastClamp = problem;
		}
		return lifetime;
	}

	/** A value from the answer as it can be logged: as JSON, and short. */
	private static String shown(JsonNode value) {
		String json = value.toString();
		return (json.length() <= 40) ? json : json.substring(0, 40) + "...";
	}

	/**
	 * Sends the request and waits for the whole answer, body included, at most the connect
	 * and read timeouts together: the request's own timeout ends once the headers are in,
	 * so a service that trickles its body would otherwise hold startup forever.
	 */
	private HttpResponse<byte[]> send(HttpRequest request) throws TokenFetchException {
		AtomicBoolean headersArrived = new AtomicBoolean();
		CompletableFuture<HttpResponse<byte[]>> exchange = this.client.sendAsync(request, (info) -> {
			headersArrived.set(true);
			return HttpResponse.BodySubscribers.ofByteArray();
		});
		try {
			return exchange.get(this.exchangeTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			throw new TokenFetchException((headersArrived.get() ? "the body of the answer was" : "the answer was")
					+ " not complete within " + this.exchangeTimeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			throw fetchFailure(ex.getCause());
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			throw new TokenFetchException("the request was interrupted");
		}
	}

	private TokenFetchException fetchFailure(Throwable cause) {
		if (cause instanceof HttpConnectTimeoutException) {
			return new TokenFetchException("the connection timed out");
		}
		if (cause instanceof HttpTimeoutException) {
			return new TokenFetchException("no answer within " + this.readTimeout.toMillis() + " ms");
		}
		if (cause instanceof ConnectException) {
			return new TokenFetchException("the connection was refused");
		}
		return new TokenFetchException("the request failed (" + cause.getClass().getSimpleName() + ")");
	}

	/**
	 * Runs the next refresh after a delay; one per {@link #start()}.
	 */
	interface RefreshScheduler {

		/**
		 * Runs a task once after a delay, unless closed by then.
		 * @param task the task
		 * @param delay how long from now
		 */
		void schedule(Runnable task, Duration delay);

		/** Drops the scheduled task and stops running any. */
		void close();

	}

	/** Refreshes on a daemon thread of its own, from Spring's task scheduler. */
	private static final class ExecutorRefreshScheduler implements RefreshScheduler {

		private final ThreadPoolTaskScheduler executor = new ThreadPoolTaskScheduler();

		ExecutorRefreshScheduler() {
			this.executor.setThreadNamePrefix("function-token-refresh-");
			this.executor.setDaemon(true);
			this.executor.initialize();
		}

		@Override
		public void schedule(Runnable task, Duration delay) {
			if (!this.executor.getScheduledExecutor().isShutdown()) {
				this.executor.getScheduledExecutor().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
			}
		}

		@Override
		public void close() {
			this.executor.shutdown();
		}

	}

	private record CachedToken(String accessToken, Instant expiresAt, Duration lifetime) {
	}

	/**
	 * Why no token could be had; the message is safe to log.
	 */
	private static final class TokenFetchException extends Exception {

		TokenFetchException(String reason) {
			super(reason, null, false, false);
		}

	}

}
