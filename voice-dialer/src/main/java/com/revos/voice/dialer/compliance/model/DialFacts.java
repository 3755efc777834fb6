package com.revos.voice.dialer.compliance.model;

import com.revos.voice.events.CallingWindow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything a dial is decided on, read in the transaction that sends it.
 *
 * @param campaignWindow null for a single call (only the legal ceiling applies)
 * @param purpose null for a single call (the caller answers for its own consent)
 * @param placedLast24h when calls to the number (any campaign or single call of the tenant) were placed
 */
public record DialFacts(UUID callId, UUID tenantId, @Nullable UUID campaignId, @Nullable UUID contactId, int attempt,
                        String toNumber, ContactFacts contact, @Nullable CallingWindow campaignWindow,
                        @Nullable Purpose purpose,
                        SuppressionStatus suppression, List<Instant> placedLast24h, TenantRules tenant) {

    /** The tenant's do-not-call list as checked for this dial. */
    public record SuppressionStatus(boolean suppressed, @Nullable String reason, long listVersion, Instant checkedAt) {
    }

    /** The tenant's own compliance settings. */
    public record TenantRules(int callsPer24h, boolean writtenConsentForMarketing) {
    }

    public DialFacts {
        contact = contact == null ? ContactFacts.NONE : contact;
        placedLast24h = List.copyOf(placedLast24h);
    }
}
