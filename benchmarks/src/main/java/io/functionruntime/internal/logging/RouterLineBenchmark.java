package io.functionruntime.internal.logging;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.functionruntime.logging.FunctionLogFormatter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * One router line, {@code START RequestID: … Version: …} with its call's MDC, through the
 * logging that Spring Boot sets up for the sample app, to show what each of the three lines
 * of a call costs whichever thread writes it. {@code console=boot} is Spring Boot's default
 * console pattern (date, level, pid, application name, thread, logger); {@code message} is
 * {@code logging.pattern.console=%m%n}, so the difference is the pattern's share;
 * {@code structured} is the runtime's JSON lines ({@code FunctionLogFormatter}).
 * {@code output=discard} replaces {@code System.out} by a discarding stream, so only the
 * formatting and Logback's work count; {@code output=file} by a stream to a file built as the
 * JDK builds {@code System.out} (a 128-byte buffer that flushes every write), as when the
 * sample's output is sent to a file: then every line is also a {@code write(2)}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RouterLineBenchmark {

	@Param({ "boot", "message", "structured" })
	public String console;

	@Param({ "discard", "file" })
	public String output;

	private final String requestId = "929a7a55-130a-45c4-985c-e285541cc04e";

	private final String versionId = "d4eb8b2jml7r8iffgf2a";

	private PrintStream standardOut;

	private Path file;

	private FileOutputStream fileStream;

	private Logger logger;

	@Setup
	public void setUp() throws IOException {
		this.standardOut = System.out;
		OutputStream out = OutputStream.nullOutputStream();
		if ("file".equals(this.output)) {
			this.file = Files.createTempFile("router-lines", ".log");
			this.fileStream = new FileOutputStream(this.file.toFile(), true);
			out = new BufferedOutputStream(this.fileStream, 128);
		}
		System.setOut(new PrintStream(out, true));
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> properties = switch (this.console) {
			case "message" -> Map.of("spring.application.name", "sample-app", "logging.pattern.console", "%m%n");
			case "structured" -> Map.of("spring.application.name", "sample-app", "logging.structured.format.console",
					FunctionLogFormatter.class.getName());
			default -> Map.of("spring.application.name", "sample-app");
		};
		environment.getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
		LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
		system.beforeInitialize();
		system.initialize(new LoggingInitializationContext(environment), null, null);
		this.logger = LoggerFactory.getLogger("function-runtime.router");
		InvocationMdc.put(this.requestId, "main.handler");
	}

	/** Empties the file now and then, so that a run does not fill the disk. */
	@Setup(Level.Iteration)
	public void emptyFile() throws IOException {
		if (this.fileStream != null) {
			this.fileStream.getChannel().truncate(0);
		}
	}

	@TearDown
	public void tearDown() throws IOException {
		MDC.clear();
		System.setOut(this.standardOut);
		if (this.file != null) {
			this.fileStream.close();
			Files.delete(this.file);
		}
	}

	@Benchmark
	public void startLine() {
		this.logger.info("START RequestID: " + this.requestId + " Version: " + this.versionId);
	}

}
