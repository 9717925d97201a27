package io.functionruntime.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread that dies of a fatal error of the JVM breaks liveness and ends the process;
 * any other uncaught exception goes on to the handler that was there before.
 */
class FatalErrorGuardTests {

	private final List<Object> events = new ArrayList<>();

	private final AtomicInteger exitStatus = new AtomicInteger(-1);

	private final List<Throwable> previouslyHandled = new ArrayList<>();

	private Thread.UncaughtExceptionHandler original;

	@BeforeEach
	void installPreviousHandler() {
		this.original = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> this.previouslyHandled.add(failure));
	}

	@AfterEach
	void restoreHandler() {
		Thread.setDefaultUncaughtExceptionHandler(this.original);
	}

	@Test
	void outOfMemoryInAThreadBreaksLivenessAndExitsWithStatus70() {
		FatalErrorGuard guard = new FatalErrorGuard(this.events::add, this.exitStatus::set);
		OutOfMemoryError error = new OutOfMemoryError("Java heap space");
		Thread.getDefaultUncaughtExceptionHandler().uncaughtException(new Thread("http-nio-8080-Poller"), error);
		assertThat(this.exitStatus).hasValue(70);
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(AvailabilityChangeEvent.class,
					(event) -> assertThat(event.getState()).isEqualTo(LivenessState.BROKEN));
		assertThat(this.previouslyHandled).containsExactly(error);
		guard.destroy();
	}

	@Test
	void withoutExitOnlyLivenessBreaks() {
		FatalErrorGuard guard = new FatalErrorGuard(this.events::add, null);
		guard.uncaughtException(new Thread("worker"), new StackOverflowError());
		assertThat(this.exitStatus).hasValue(-1);
		assertThat(this.events).hasSize(1);
		guard.destroy();
	}

	@Test
	void ordinaryExceptionOnlyReachesThePreviousHandler() {
		FatalErrorGuard guard = new FatalErrorGuard(this.events::add, this.exitStatus::set);
		IllegalStateException failure = new IllegalStateException("a bug");
		guard.uncaughtException(new Thread("worker"), failure);
		assertThat(this.exitStatus).hasValue(-1);
		assertThat(this.events).isEmpty();
		assertThat(this.previouslyHandled).containsExactly(failure);
		guard.destroy();
	}

	@Test
	void fatalErrorIsHandledOnceWhenSeveralContextsInstalledAGuard() {
		AtomicInteger otherExit = new AtomicInteger(-1);
		FatalErrorGuard first = new FatalErrorGuard(this.events::add, otherExit::set);
		FatalErrorGuard second = new FatalErrorGuard(this.events::add, this.exitStatus::set);
		second.uncaughtException(new Thread("worker"), new OutOfMemoryError());
		assertThat(this.exitStatus).hasValue(70);
		assertThat(otherExit).hasValue(-1);
		assertThat(this.events).hasSize(1);
		second.destroy();
		first.destroy();
	}

	@Test
	void closingGivesTheHandlerBack() {
		Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
		FatalErrorGuard guard = new FatalErrorGuard(this.events::add, null);
		assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(guard);
		guard.destroy();
		assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(before);
	}

}
