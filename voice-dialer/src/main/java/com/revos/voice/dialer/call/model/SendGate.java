package com.revos.voice.dialer.call.model;

/**
 * Awaited right before a call request is written to the provider, so that pacing is enforced where the request
 * leaves the process rather than where it was scheduled.
 */
@FunctionalInterface
public interface SendGate {

    SendGate OPEN = () -> { };

    void await() throws InterruptedException;
}
