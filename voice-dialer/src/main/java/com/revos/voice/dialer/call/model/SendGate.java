package com.revos.voice.dialer.call.model;

/**
 * Passed right before a call request is written to the provider: pacing is enforced where the request leaves the
 * process rather than where it was scheduled, and the attempt is marked as being sent (fenced by its owner's lease).
 * {@code false}: the request must not be sent at all.
 */
@FunctionalInterface
public interface SendGate {

    SendGate OPEN = () -> true;

    boolean pass() throws InterruptedException;

    /**
     * The last step before the request is written, once {@link #pass} let it go: run on the very thread that then
     * writes it, so that nothing but the wire lies between, say, a final pacing cap and the provider. {@code false}:
     * the request must not be written after all (it waited too long to be the attempt's send). None by default.
     */
    default boolean atWire() throws InterruptedException {
        return true;
    }

    /**
     * The request that passed {@link #atWire} was flushed to its socket by {@code nanoTime}
     * ({@link System#nanoTime()}), which on a busy machine can be tens of milliseconds later. None by default.
     */
    default void written(long nanoTime) {
    }
}
