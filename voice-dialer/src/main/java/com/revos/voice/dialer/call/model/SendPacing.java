package com.revos.voice.dialer.call.model;

import java.util.function.BooleanSupplier;

/**
 * Paces one send, right before the request is written, and commits {@code markSending} (the attempt's fenced move
 * to {@code sending}) together with the start it grants, so that no database round trip lies between the grant and
 * the wire. {@code false}: the request must not be sent (stopped, fenced off, or no longer this instance's).
 */
@FunctionalInterface
public interface SendPacing {

    boolean await(BooleanSupplier markSending) throws InterruptedException;

    /** Paces once more on the thread that writes the request, right before it writes (see SendGate#atWire). */
    default void atWire() throws InterruptedException {
    }

    /** The request passed {@link #atWire} was flushed to its socket by {@code nanoTime} (see SendGate#written). */
    default void written(long nanoTime) {
    }
}
