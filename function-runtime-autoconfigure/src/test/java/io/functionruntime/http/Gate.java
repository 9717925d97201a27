package io.functionruntime.http;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.functionruntime.Context;
import io.functionruntime.HttpEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handshake between a test and one call of a handler, instead of sleeping and hoping:
 * the handler counts down {@code entered} when the call is inside it, then waits until
 * the test releases it (or until the runtime interrupts it at the deadline). The test
 * names the gate in the call's query ({@code ?gate=<id>}), so that it knows a call is in
 * the handler before it sends the next one, and can tell whether the handler was still
 * blocked when an answer arrived.
 */
public final class Gate {

	/** The query parameter that names a gate. */
	public static final String PARAMETER = "gate";

	/** How long a test waits for a handshake at most: a safety net, not a measurement. */
	public static final long PATIENCE_SECONDS = 30;

	private static final Map<String, Gate> gates = new ConcurrentHashMap<>();

	private final String id = UUID.randomUUID().toString();

	private final CountDownLatch entered = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final CountDownLatch left = new CountDownLatch(1);

	private volatile Context context;

	private volatile boolean interrupted;

	private volatile long remainingWhenInterrupted = Long.MIN_VALUE;

	private Gate() {
	}

	/**
	 * Opens a gate for one call.
	 * @return the gate
	 */
	public static Gate open() {
		Gate gate = new Gate();
		gates.put(gate.id, gate);
		return gate;
	}

	/**
	 * Releases every gate still closed, so that no handler stays blocked after a test.
	 */
	public static void releaseAll() {
		gates.values().forEach(Gate::release);
		gates.clear();
	}

	/**
	 * Finds the gate that a call names.
	 * @param event the call's event
	 * @return the gate, or {@code null} when the call names none
	 */
	public static Gate of(HttpEvent event) {
		String id = event.queryStringParameters().get(PARAMETER);
		if (id == null) {
			return null;
		}
		Gate gate = gates.get(id);
		if (gate == null) {
			throw new IllegalStateException("No gate " + id);
		}
		return gate;
	}

	/** @return the query parameter that names this gate, as {@code gate=<id>} */
	public String query() {
		return PARAMETER + "=" + this.id;
	}

	// The handler's side

	/**
	 * Says the call is inside the handler, then waits for the test's release.
	 * @throws InterruptedException when the runtime interrupts the call (at its deadline)
	 */
	public void pass() throws InterruptedException {
		pass(null);
	}

	/**
	 * Says the call is inside the handler, then waits for the test's release, noting how
	 * much of the call's time was left if the runtime interrupts it.
	 * @param context the call's context
	 * @throws InterruptedException when the runtime interrupts the call
	 */
	public void pass(Context context) throws InterruptedException {
		this.context = context;
		this.entered.countDown();
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			if (context != null) {
				this.remainingWhenInterrupted = context.getRemainingTimeInMillis();
			}
			this.interrupted = true;
			throw ex;
		}
		finally {
			this.left.countDown();
		}
	}

	/**
	 * Says the call is inside the handler, then waits for the test's release however often
	 * it is interrupted, as badly written code does; the interrupt is restored after.
	 */
	public void passIgnoringInterrupts() {
		this.entered.countDown();
		try {
			while (true) {
				try {
					this.release.await();
					break;
				}
				catch (InterruptedException ex) {
					this.interrupted = true;
				}
			}
		}
		finally {
			this.left.countDown();
			if (this.interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	// The test's side

	/** Waits until the call is inside the handler (fails after {@link #PATIENCE_SECONDS}). */
	public void awaitEntered() {
		assertThat(await(this.entered)).as("the call entered the handler").isTrue();
	}

	/** Waits until the call has left the handler (fails after {@link #PATIENCE_SECONDS}). */
	public void awaitLeft() {
		assertThat(await(this.left)).as("the call left the handler").isTrue();
	}

	/** Lets the call go on. */
	public void release() {
		this.release.countDown();
	}

	/** @return whether the call has entered the handler */
	public boolean hasEntered() {
		return this.entered.getCount() == 0;
	}

	/** @return whether the test has released the call */
	public boolean isReleased() {
		return this.release.getCount() == 0;
	}

	/** @return whether the call has left the handler */
	public boolean hasLeft() {
		return this.left.getCount() == 0;
	}

	/**
	 * @return the remaining time of the call inside, as its handler sees it
	 * @throws IllegalStateException when no call passed a context in
	 */
	public long remainingTime() {
		Context inside = this.context;
		if (inside == null) {
			throw new IllegalStateException("No call with a context entered the gate");
		}
		return inside.getRemainingTimeInMillis();
	}

	/** @return whether the runtime interrupted the call while it waited */
	public boolean wasInterrupted() {
		return this.interrupted;
	}

	/**
	 * @return the call's remaining time when the runtime interrupted it, or
	 * {@link Long#MIN_VALUE} when it was not interrupted or no context was given
	 */
	public long remainingWhenInterrupted() {
		return this.remainingWhenInterrupted;
	}

	private static boolean await(CountDownLatch latch) {
		try {
			return latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
