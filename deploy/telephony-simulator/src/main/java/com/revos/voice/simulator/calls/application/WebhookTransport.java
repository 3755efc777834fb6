package com.revos.voice.simulator.calls.application;

import java.util.concurrent.CompletableFuture;

/** Sends one signed webhook; completes with the HTTP status, or exceptionally when no response came. */
public interface WebhookTransport {

    CompletableFuture<Integer> post(String body, String signatureHeader);
}
