package com.revos.voice.dialer.call.model;

/** What the provider answered to "place this call". */
public sealed interface ProviderResult {

    /** The call is on its way; both ids are kept (conversation id for webhooks, call SID for Twilio). */
    record Placed(String conversationId, String callSid) implements ProviderResult {
    }

    /** The provider refused this call (4xx, or 200 with success:false): the attempt counts. */
    record Rejected(String reason, String code) implements ProviderResult {
    }

    /** The provider is unavailable (5xx, 429, timeout, circuit open): not dialed, the attempt does not count. */
    record Unavailable(String reason, String code) implements ProviderResult {
    }
}
