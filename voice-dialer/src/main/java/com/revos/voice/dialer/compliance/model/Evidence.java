package com.revos.voice.dialer.compliance.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Why one dial was allowed or refused, as decided at the moment its request was to be sent: where the contact may
 * be (zones and states, each with its source), the local time there, the campaign window and the legal ceiling
 * applied, the suppression check (when, which version of the tenant's list), the calls to the number in the last
 * 24 h against the cap, the consent on file, the attempt number. A refusal names its rule, the hours the law
 * allows, and when the contact may be tried again (null: never).
 */
public record Evidence(UUID id, UUID tenantId, UUID campaignId, UUID contactId, UUID callId, int attempt,
                       String toNumber, Decision decision, String rule, String ruleName, String detail,
                       String allowedHours, Instant retryAt, String country, List<Jurisdiction.Zone> zones,
                       List<Jurisdiction.State> states, Map<String, String> localTimes, String campaignWindow,
                       String ceiling, List<String> ceilingRules, Instant suppressionCheckedAt,
                       long suppressionListVersion, int callsLast24h, int callsCap, String capRule,
                       String consent, String purpose, Instant decidedAt) {

    public enum Decision {
        PLACED, REFUSED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Decision parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    public boolean allowed() {
        return decision == Decision.PLACED;
    }
}
