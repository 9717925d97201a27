package io.functionruntime.internal.knative;

import java.io.PrintStream;

import io.functionruntime.internal.registry.FunctionRegistry;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints the {@link KnativeManifest} of the application's own functions and closes the
 * application, so that {@code java -jar app.jar --function-runtime.knative.print-manifest}
 * is a command whose output can be piped to {@code kubectl apply -f -}.
 */
public class KnativeManifestRunner implements ApplicationRunner {

	private final KnativeManifest manifest;

	private final FunctionRegistry registry;

	private final ConfigurableApplicationContext context;

	private final PrintStream out;

	public KnativeManifestRunner(KnativeManifest manifest, FunctionRegistry registry,
			ConfigurableApplicationContext context, PrintStream out) {
		this.manifest = manifest;
		this.registry = registry;
		this.context = context;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.out.print(this.manifest.render(this.registry));
		this.out.flush();
		this.context.close();
	}

}
