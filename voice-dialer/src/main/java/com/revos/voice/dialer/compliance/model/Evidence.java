package com.revos.voice.dialer.compliance.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Why one dial was allowed or refused, as decided at the moment its request was to be sent: where the contact may
 * be (zones and states, each with its source), the local time there, the campaign window and the legal ceiling
 * applied, the suppression check (when, which version of the tenant's list), the calls to the number in the last
 * 24 h against the cap, the consent on file, the attempt number. A refusal names its rule, the hours the law
 * allows, and when the contact may be tried again (null: never).
 */
public record Evidence(UUID id, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId, UUID callId,
                       int attempt, String toNumber, Decision decision, @Nullable String rule,
                       @Nullable String ruleName, @Nullable String detail, String allowedHours,
                       @Nullable Instant retryAt, @Nullable String country, List<Jurisdiction.Zone> zones,
                       List<Jurisdiction.State> states, Map<String, String> localTimes,
                       @Nullable String campaignWindow, String ceiling, List<String> ceilingRules,
                       @Nullable Instant suppressionCheckedAt, long suppressionListVersion, int callsLast24h,
                       int callsCap, @Nullable String capRule, @Nullable String consent, @Nullable String purpose,
                       Instant decidedAt) {

    public enum Decision {
        PLACED, REFUSED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Decision parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /** The record as the API shows it: snake_case names in a fixed order, instants as ISO-8601 text. */
    public Map<String, @Nullable Object> fields() {
        var e = this;
        var view = new LinkedHashMap<String, @Nullable Object>();
        view.put("id", e.id().toString());
        view.put("decided_at", text(e.decidedAt()));
        view.put("decision", e.decision().wire());
        view.put("rule", e.rule());
        view.put("rule_name", e.ruleName());
        view.put("detail", e.detail());
        view.put("call_id", e.callId().toString());
        view.put("campaign_id", e.campaignId() == null ? null : e.campaignId().toString());
        view.put("contact_id", e.contactId() == null ? null : e.contactId().toString());
        view.put("attempt", e.attempt());
        view.put("to_number", e.toNumber());
        view.put("country", e.country());
        view.put("zones", e.zones().stream().map(z -> Map.of("zone", z.zone().getId(), "source", z.source().wire()))
                .toList());
        view.put("states", e.states().stream().map(s -> Map.of("state", s.code(), "source", s.source().wire()))
                .toList());
        view.put("local_times", e.localTimes());
        view.put("campaign_window", e.campaignWindow());
        view.put("ceiling", e.ceiling());
        view.put("ceiling_rules", e.ceilingRules());
        view.put("allowed_hours", e.allowedHours());
        view.put("retry_at", text(e.retryAt()));
        view.put("suppression_checked_at", text(e.suppressionCheckedAt()));
        view.put("suppression_list_version", e.suppressionListVersion());
        view.put("calls_last_24h", e.callsLast24h());
        view.put("calls_cap", e.callsCap());
        view.put("cap_rule", e.capRule());
        view.put("consent", e.consent());
        view.put("purpose", e.purpose());
        return view;
    }

    private static @Nullable String text(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    public boolean allowed() {
        return decision == Decision.PLACED;
    }

    /** The rule that refused this dial ({@link #allowed()} is false): a refusal always names its rule. */
    public String refusedBy() {
        return Objects.requireNonNull(rule, "a refusal names its rule");
    }
}
