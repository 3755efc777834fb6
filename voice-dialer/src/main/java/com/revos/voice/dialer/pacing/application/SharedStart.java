package com.revos.voice.dialer.pacing.application;

/**
 * A start granted under the limits every dialer instance shares, carried by one request until it leaves. A grant
 * only bounds what reaches the provider while the request leaves within the shared guard of it (ADR 0010): one the
 * machine held back longer is granted afresh before it is written, and one whose write itself was late is logged
 * again where it left, so that the other instances' grants count it where it really lands.
 */
public interface SharedStart {

    /**
     * Right before the request is written, at {@code nanoTime} ({@link System#nanoTime()}): a grant older than the
     * guard is replaced by a fresh one, blocking until every shared window has room.
     */
    void beforeWrite(long nanoTime) throws InterruptedException;

    /** The request was flushed to its socket at {@code nanoTime}: later than the guard past its grant, it is logged. */
    void left(long nanoTime);
}
