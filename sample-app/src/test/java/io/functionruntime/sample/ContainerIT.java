package io.functionruntime.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged sample app run as {@code deploy/Dockerfile} runs it, without Docker: the
 * layered jar extracted with the tools jar mode, its layers copied into one directory in
 * the Dockerfile's order, and {@code java -jar application.jar} started with {@code PORT}
 * set, as Knative starts a container; then stopped with SIGTERM. Also the manifest the
 * application prints is the committed {@code deploy/knative/service.yaml}, and the
 * Dockerfile's fast start: the training run writes the AppCDS archive, and the application
 * started with it serves; so does a start with Spring AOT's code, which the build writes.
 */
class ContainerIT {

	private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
			"application");

	/** Starts the short-lived test JVMs faster on a small machine; no effect on behaviour. */
	private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Path JAR = Path.of(System.getProperty("sample.jar"));

	@TempDir
	static Path work;

	static Path image;

	@BeforeAll
	static void buildTheImageDirectory() throws Exception {
		Files.copy(JAR, work.resolve("application.jar"));
		Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", "application.jar", "extract",
				"--layers", "--destination", "extracted")
			.directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("extract.log").toFile())
			.start();
		assertThat(extract.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(extract.exitValue()).as(Files.readString(work.resolve("extract.log"))).isZero();
		image = Files.createDirectory(work.resolve("image"));
		for (String layer : LAYERS) {
			copyInto(work.resolve("extracted").resolve(layer), image);
		}
	}

	@Test
	void layersHoldTheApplicationAndItsLibraries() {
		assertThat(image.resolve("application.jar")).isRegularFile();
		assertThat(image.resolve("lib")).isDirectoryContaining("glob:**/function-runtime-autoconfigure-*.jar")
			.isDirectoryContaining("glob:**/spring-boot-actuator-*.jar");
	}

	@Test
	void containerServesOnPortAnswersProbesAndFinishesCallsOnSigterm() throws Exception {
		int port = freePort();
		Path log = work.resolve("app.log");
		Process app = launch(port, log, List.of(QUICK_START), "--spring.lifecycle.timeout-per-shutdown-phase=5s");
		try {
			awaitAnswer(port, "/actuator/health/readiness");
			assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(get(port, "/main.handler").statusCode()).isEqualTo(200);
			JsonNode functions = JsonMapper.shared().readTree(get(port, "/actuator/functions").body());
			assertThat(functions.get("functions").propertyNames()).hasSize(11);

			CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture
				.supplyAsync(() -> get(port, "/sleep.handler?ms=1500"));
			await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log).contains("START RequestID"));
			app.destroy();
			HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
			assertThat(finished.statusCode()).isEqualTo(200);
			assertThat(finished.body()).contains("\"slept\":1500");
			assertThat(app.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(app.exitValue()).isEqualTo(143);
			assertThat(Files.readString(log)).contains("Commencing graceful shutdown", "Graceful shutdown complete");
		}
		finally {
			app.destroyForcibly();
		}
	}

	@Test
	void trainingRunWritesTheArchiveAndTheFastStartServes() throws Exception {
		// the Dockerfile's RUN: a training run that stops after the context refresh
		Path archive = image.resolve("application.jsa");
		Process training = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=application.jsa",
				"-Dspring.context.exit=onRefresh", "-jar", "application.jar", "--logging.level.root=WARN")
			.directory(image.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("training.log").toFile())
			.start();
		assertThat(training.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(training.exitValue()).as(Files.readString(work.resolve("training.log"))).isZero();
		assertThat(archive).isRegularFile();
		assertThat(Files.size(archive)).isGreaterThan(1_000_000);

		// the Dockerfile's ENTRYPOINT
		int port = freePort();
		Process app = launch(port, work.resolve("fast.log"),
				List.of("-XX:SharedArchiveFile=application.jsa", "-XX:TieredStopAtLevel=1"));
		try {
			awaitAnswer(port, "/main.handler");
			JsonNode functions = JsonMapper.shared().readTree(get(port, "/actuator/functions").body());
			assertThat(functions.get("functions").propertyNames()).hasSize(11);
			assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		}
		finally {
			stop(app);
		}
	}

	/**
	 * The jar holds Spring AOT's code (the sample's build runs {@code process-aot}), which
	 * {@code deploy/fast-start.sh} switches on: started with it, the same functions are
	 * found, under the same entry points, and they serve.
	 */
	@Test
	void springAotStartServesTheSameFunctions() throws Exception {
		int port = freePort();
		Path log = work.resolve("aot.log");
		Process app = launch(port, log, List.of(QUICK_START, "-Dspring.aot.enabled=true"));
		try {
			awaitAnswer(port, "/main.handler");
			assertThat(Files.readString(log)).contains("Starting AOT-processed SampleApplication");
			JsonNode functions = JsonMapper.shared().readTree(get(port, "/actuator/functions").body()).get("functions");
			assertThat(functions.propertyNames()).hasSize(11)
				.contains("main.handler", "io.functionruntime.sample.SampleApplication",
						"io.functionruntime.sample.cloud.Hello", "io.functionruntime.sample.cloud.Greeting");
			HttpResponse<String> hello = CLIENT.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/io.functionruntime.sample.cloud.Hello"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"AOT\"}"))
				.header("Content-Type", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(hello.statusCode()).isEqualTo(200);
			assertThat(hello.body()).contains("AOT");
			assertThat(get(port, "/hello/AOT").body()).contains("\"greeting\":\"hello AOT\"");
		}
		finally {
			stop(app);
		}
	}

	@Test
	void printedManifestIsTheCommittedExample() throws Exception {
		Process print = new ProcessBuilder(java(), QUICK_START, "-jar", "application.jar",
				"--function-runtime.knative.print-manifest")
			.directory(image.toFile())
			.redirectError(work.resolve("print.err").toFile())
			.start();
		String manifest = new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(print.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(print.exitValue()).isZero();
		assertThat(manifest).isEqualTo(Files.readString(Path.of(System.getProperty("knative.manifest"))));
	}

	private static HttpResponse<String> get(int port, String path) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Copies a layer over what is already there, as the Dockerfile's COPY does. */
	/** Starts {@code java [options] -jar application.jar [arguments]} in the image with {@code PORT} set. */
	private static Process launch(int port, Path log, List<String> options, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(options);
		command.addAll(List.of("-jar", "application.jar"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(image.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("PORT", String.valueOf(port));
		return builder.start();
	}

	private static void awaitAnswer(int port, String path) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptions()
			.until(() -> get(port, path).statusCode() == 200);
	}

	private static void stop(Process app) throws InterruptedException {
		app.destroy();
		if (!app.waitFor(10, TimeUnit.SECONDS)) {
			app.destroyForcibly();
		}
	}

	private static void copyInto(Path layer, Path target) throws IOException {
		try (Stream<Path> files = Files.walk(layer)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(layer.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
