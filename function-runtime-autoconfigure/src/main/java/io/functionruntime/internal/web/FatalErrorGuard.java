package io.functionruntime.internal.web;

import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Keeps a server from going deaf: when a thread dies of a fatal error of the JVM (an
 * {@link OutOfMemoryError} that kills Tomcat's acceptor or poller leaves a process that
 * is up but never answers again), the application's liveness becomes {@code BROKEN}, so the
 * liveness probe reports it, and the process exits, so the platform starts a new one.
 */
public final class FatalErrorGuard implements Thread.UncaughtExceptionHandler, DisposableBean {

	/** The exit status of a process ended by a fatal error ({@code EX_SOFTWARE}). */
	public static final int EXIT_STATUS = 70;

	private static final Logger logger = LoggerFactory.getLogger(FatalErrorGuard.class);

	private final ApplicationEventPublisher events;

	private final IntConsumer exit;

	private final Thread.UncaughtExceptionHandler previous;

	/**
	 * Installs the guard as the default handler of uncaught exceptions; the one it replaces
	 * still hears every exception, but a fatal error only once, however many application
	 * contexts in the JVM installed a guard.
	 * @param events where the liveness change is published
	 * @param exit ends the process with a status, or {@code null} to leave it running
	 */
	public FatalErrorGuard(ApplicationEventPublisher events, IntConsumer exit) {
		this.events = events;
		this.exit = exit;
		this.previous = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler(this);
	}

	@Override
	public void uncaughtException(Thread thread, Throwable failure) {
		if (failure instanceof VirtualMachineError) {
			logger.error("Thread '{}' died of a fatal error; the server may no longer answer: {}", thread.getName(),
					(this.exit != null) ? "exiting with status " + EXIT_STATUS + " so that the platform restarts it"
							: "liveness is BROKEN (function-runtime.exit-on-fatal-error=false)",
					failure);
			AvailabilityChangeEvent.publish(this.events, this, LivenessState.BROKEN);
			if (this.exit != null) {
				this.exit.accept(EXIT_STATUS);
			}
		}
		boolean handled = failure instanceof VirtualMachineError;
		if (this.previous != null && !(handled && this.previous instanceof FatalErrorGuard)) {
			this.previous.uncaughtException(thread, failure);
		}
		else if (this.previous == null && !handled) {
			System.err.print("Exception in thread \"" + thread.getName() + "\" ");
			failure.printStackTrace(System.err);
		}
	}

	/** Gives the handler back when the application context closes. */
	@Override
	public void destroy() {
		if (Thread.getDefaultUncaughtExceptionHandler() == this) {
			Thread.setDefaultUncaughtExceptionHandler(this.previous);
		}
	}

	/**
	 * Ends the process: through {@link System#exit}, so that shutdown hooks run, and by
	 * halting it when they have not ended it within a grace period, as a JVM out of memory
	 * may never finish them.
	 * @param status the exit status
	 */
	public static void exitProcess(int status) {
		Thread halt = new Thread(() -> {
			try {
				Thread.sleep(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Runtime.getRuntime().halt(status);
		}, "function-runtime-halt");
		halt.setDaemon(true);
		halt.start();
		new Thread(() -> System.exit(status), "function-runtime-exit").start();
	}

}
