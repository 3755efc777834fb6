package com.revos.voice.provisioning.provider.application;

/**
 * The platform's answer to an outbound call: it may accept the request and still not place the call
 * ({@code accepted == false} with a message), so callers check both.
 */
public record PlacedCall(boolean accepted, String message, String conversationId, String carrierCallId) {
}
