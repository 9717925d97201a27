import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Idle connections, slow uploads and bodies declared large but never sent, against the
 * sample app on loopback only, each while ordinary calls are made; bounded in connections
 * and time, it stops by itself. Prints "key=value" lines that hostile.sh turns into a
 * results file.
 *
 * Usage: java Hostile.java PORT IDLE SLOW DECLARED
 */
public class Hostile {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int idle = Integer.parseInt(args[1]);
		int slow = Integer.parseInt(args[2]);
		int declared = Integer.parseInt(args[3]);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(30)).build();

		List<Socket> idleSockets = openIdle(port, idle);
		System.out.println("idle.opened=" + idleSockets.size() + " of " + idle);
		calls("idle", client, port, 20);
		closeAll(idleSockets);

		List<Socket> uploads = new ArrayList<>();
		for (int i = 0; i < slow; i++) {
			uploads.add(startUpload(port, 1_000_000));
		}
		ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
		trickle.scheduleAtFixedRate(() -> {
			for (Socket upload : uploads) {
				try {
					upload.getOutputStream().write('x');
					upload.getOutputStream().flush();
				}
				catch (IOException ex) {
					// the server answered and closed it: counted below
				}
			}
		}, 1, 1, TimeUnit.SECONDS);
		System.out.println("slow.opened=" + uploads.size());
		calls("slow", client, port, 20);
		trickle.shutdownNow();
		System.out.println("slow.answered408=" + answered408(uploads));
		closeAll(uploads);

		List<Socket> large = new ArrayList<>();
		for (int i = 0; i < declared; i++) {
			large.add(startUpload(port, 2_500_000));
		}
		System.out.println("declared.opened=" + large.size());
		calls("declared", client, port, 20);
		closeAll(large);
		calls("after", client, port, 5);
	}

	private static List<Socket> openIdle(int port, int count) throws InterruptedException {
		List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
		ExecutorService openers = Executors.newFixedThreadPool(32);
		for (int i = 0; i < count; i++) {
			openers.execute(() -> {
				Socket socket = new Socket();
				try {
					socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
					sockets.add(socket);
				}
				catch (IOException ex) {
					// the accept queue is full: the server is not answering new connections yet
				}
			});
		}
		openers.shutdown();
		openers.awaitTermination(5, TimeUnit.MINUTES);
		return sockets;
	}

	/** Ordinary calls while the abuse goes on: how many were answered 200, and how fast. */
	private static void calls(String phase, HttpClient client, int port, int count) {
		List<Long> millis = new ArrayList<>();
		int ok = 0;
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = client.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/mirror.handler"))
					.timeout(Duration.ofSeconds(60))
					.POST(HttpRequest.BodyPublishers.ofString("{\"phase\":\"" + phase + "\"}"))
					.header("Content-Type", "application/json")
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					ok++;
				}
			}
			catch (IOException ex) {
				// counted as not answered
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			millis.add((System.nanoTime() - start) / 1_000_000);
		}
		Collections.sort(millis);
		System.out.println(phase + ".calls200=" + ok + " of " + count);
		System.out.println(phase + ".callMillis.median=" + millis.get(millis.size() / 2));
		System.out.println(phase + ".callMillis.max=" + millis.get(millis.size() - 1));
	}

	private static Socket startUpload(int port, int contentLength) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
		socket.setSoTimeout(60_000);
		OutputStream out = socket.getOutputStream();
		out.write(("POST /mirror.handler HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
				+ "Content-Length: " + contentLength + "\r\n\r\nx").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

	private static int answered408(List<Socket> sockets) {
		int count = 0;
		for (Socket socket : sockets) {
			try {
				byte[] head = socket.getInputStream().readNBytes(12);
				if (new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 408")) {
					count++;
				}
			}
			catch (IOException ex) {
				// no answer
			}
		}
		return count;
	}

	private static void closeAll(List<Socket> sockets) {
		for (Socket socket : sockets) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}
	}

}
