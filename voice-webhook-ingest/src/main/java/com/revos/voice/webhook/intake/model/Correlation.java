package com.revos.voice.webhook.intake.model;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The ids the dialer hands the provider (dynamic variables for ElevenLabs, query parameters of the Twilio status
 * callback URL) and gets back with the outcome. A webhook is matched when it carries our call and tenant ids; one
 * that carries none of them is a call we did not place. A present but malformed id is our own bug: it is not
 * guessed around, the webhook is quarantined instead.
 */
record Correlation(UUID callId, UUID campaignId, UUID tenantId, UUID contactId, Integer attempt, Integer localHour) {

    static final Correlation NONE = new Correlation(null, null, null, null, null, null);

    boolean matched() {
        return callId != null && tenantId != null;
    }

    /** Reads the ids from a lookup of variable name to text (null when absent). */
    static Correlation from(Function<String, String> variables) {
        var callId = uuid(variables, "call_id");
        var tenantId = uuid(variables, "tenant_id");
        var campaignId = uuid(variables, "campaign_id");
        var contactId = uuid(variables, "contact_id");
        var attempt = integer(variables, "attempt", 1, 1_000);
        var localHour = integer(variables, "local_hour", 0, 23);
        if (callId == null && tenantId == null) {
            if (campaignId != null || contactId != null) {
                throw new InvalidWebhookException("correlation ids incomplete: call_id and tenant_id missing");
            }
            return new Correlation(null, null, null, null, null, localHour);
        }
        if (callId == null || tenantId == null) {
            var missing = callId == null ? "call_id" : "tenant_id";
            throw new InvalidWebhookException("correlation ids incomplete: " + missing + " missing");
        }
        return new Correlation(callId, campaignId, tenantId, contactId, attempt, localHour);
    }

    static Correlation from(Map<String, String> variables) {
        return from(variables::get);
    }

    private static UUID uuid(Function<String, String> variables, String name) {
        var text = variables.apply(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException(name + " is not a UUID");
        }
    }

    private static Integer integer(Function<String, String> variables, String name, int min, int max) {
        var text = variables.apply(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            var value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new InvalidWebhookException(name + " is out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidWebhookException(name + " is not an integer");
        }
    }
}
