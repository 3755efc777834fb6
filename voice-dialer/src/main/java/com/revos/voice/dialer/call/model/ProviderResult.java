package com.revos.voice.dialer.call.model;

import org.jspecify.annotations.Nullable;

/** What the provider answered to "place this call", classified by what it proves about the call. */
public sealed interface ProviderResult {

    String reason();

    String code();

    /** The call is on its way; both ids are kept (conversation id for webhooks, call SID for Twilio). */
    record Placed(String conversationId, @Nullable String callSid) implements ProviderResult {

        @Override
        public String reason() {
            return "placed";
        }

        @Override
        public String code() {
            return "placed";
        }
    }

    /** The provider refused this one call (a 4xx about the request, or 200 with success:false): counted. */
    record Rejected(String reason, String code) implements ProviderResult {
    }

    /**
     * The provider refused the account, not the call (401 bad key, 402/quota credits exhausted, 403 plan, 422 bad
     * agent): no call happened, nothing is counted, and the campaign stops dialing until someone fixes the account.
     */
    record AccountRefused(String reason, String code) implements ProviderResult {
    }

    /** Proven not sent, or refused before placing (circuit open, connection refused, 429): given back. */
    record Unavailable(String reason, String code) implements ProviderResult {
    }

    /** Sent, but the answer proves nothing (read timeout, reset after sending, 5xx): the provider must be asked. */
    record Ambiguous(String reason, String code) implements ProviderResult {
    }
}
