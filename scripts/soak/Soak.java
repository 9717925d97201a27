import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed traffic to every sample handler, above capacity, for a fixed time, on loopback
 * only. Prints what was sent, how it was answered and what the answers prove, as
 * "key=value" lines that soak.sh turns into docs/reliability.md.
 *
 * Usage: java Soak.java PORT SECONDS CLIENTS
 */
public class Soak {

	private static final Pattern MAX_CONCURRENT = Pattern.compile("\"maxConcurrent\":(\\d+)");

	private static final Pattern COUNTER = Pattern.compile("\"count\":(\\d+),\"instance\":\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		long seconds = Long.parseLong(args[1]);
		int clients = Integer.parseInt(args[2]);
		String base = "http://127.0.0.1:" + port;
		String[] targets = { "/main.handler?param=one", "/mirror.handler", "/errors.handler?message=soak",
				"/async.handler?ms=20", "/async.handler?fail=1", "/sleep.handler?ms=50", "/sleep.handler?ms=2500",
				"/counter.handler", "/nope.handler" };
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		LongAdder sent = new LongAdder();
		LongAdder lost = new LongAdder();
		Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
		Map<String, LongAdder> byTarget = new ConcurrentHashMap<>();
		AtomicInteger maxConcurrent = new AtomicInteger();
		Map<String, ConcurrentSkipListSet<Integer>> counts = new ConcurrentHashMap<>();
		LongAdder duplicateCounts = new LongAdder();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			pool.execute(() -> {
				while (System.nanoTime() < end) {
					String target = targets[ThreadLocalRandom.current().nextInt(targets.length)];
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + target))
						.timeout(Duration.ofSeconds(30))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"statusCode\":200,\"body\":\"soak\"}"))
						.build();
					sent.increment();
					try {
						HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
						byStatus.computeIfAbsent(response.statusCode(), (s) -> new LongAdder()).increment();
						byTarget.computeIfAbsent(target.replaceAll("\\?.*", "") + " " + response.statusCode(),
								(s) -> new LongAdder()).increment();
						Matcher concurrent = MAX_CONCURRENT.matcher(response.body());
						if (concurrent.find()) {
							maxConcurrent.accumulateAndGet(Integer.parseInt(concurrent.group(1)), Math::max);
						}
						Matcher counter = COUNTER.matcher(response.body());
						if (counter.find() && !counts.computeIfAbsent(counter.group(2), (i) -> new ConcurrentSkipListSet<>())
							.add(Integer.parseInt(counter.group(1)))) {
							duplicateCounts.increment();
						}
					}
					catch (Exception ex) {
						lost.increment();
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
		long answered = byStatus.values().stream().mapToLong(LongAdder::sum).sum();
		long gaps = counts.values().stream().mapToLong((set) -> set.last() - set.first() + 1 - set.size()).sum();
		System.out.println("sent=" + sent.sum());
		System.out.println("answered=" + answered);
		System.out.println("lost=" + lost.sum());
		new java.util.TreeMap<>(byStatus).forEach((status, n) -> System.out.println("status." + status + "=" + n.sum()));
		System.out.println("maxConcurrentPerInstance=" + maxConcurrent.get());
		System.out.println("counterInstances=" + counts.size());
		System.out.println("counterDuplicates=" + duplicateCounts.sum());
		System.out.println("counterGaps=" + gaps);
		new java.util.TreeMap<>(byTarget).forEach((key, n) -> System.out.println("answers " + key + "=" + n.sum()));
	}

}
