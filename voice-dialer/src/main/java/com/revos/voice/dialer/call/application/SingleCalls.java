package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.model.ProviderResult;
import com.revos.voice.dialer.pacing.infrastructure.TenantPacing;
import com.revos.voice.dialer.campaign.model.ContactZones;
import com.revos.voice.dialer.common.model.PhoneNumbers;
import com.revos.voice.dialer.directory.infrastructure.Directory;
import com.revos.voice.dialer.suppression.infrastructure.Suppressions;
import com.revos.voice.service.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One call now, outside any campaign: checked, recorded, paced with the tenant's other calls (across instances),
 * placed. The answer says what is known: placed or refused (201), or lost by the provider (202, state
 * {@code ambiguous}: it is being looked up and will never be placed a second time). Only a call proven not placed
 * answers 503 and may be retried as a new call.
 */
class SingleCalls {

    private final Directory directory;
    private final Suppressions suppressions;
    private final Attempts attempts;
    private final CallStore calls;
    private final TenantPacing pacing;
    private final DialerProperties properties;
    private final TransactionTemplate transactions;
    private final ContactZones zones;
    private final Owner owner;
    private final Clock clock;

    SingleCalls(Directory directory, Suppressions suppressions, Attempts attempts, CallStore calls,
                TenantPacing pacing, DialerProperties properties, TransactionTemplate transactions, Owner owner,
                Clock clock) {
        this.directory = directory;
        this.suppressions = suppressions;
        this.attempts = attempts;
        this.calls = calls;
        this.pacing = pacing;
        this.properties = properties;
        this.transactions = transactions;
        this.zones = new ContactZones(properties.defaultTimeZone());
        this.owner = owner;
        this.clock = clock;
    }

    CallView call(UUID tenantId, UUID agentId, UUID numberId, String toNumber, Map<String, Object> variables) {
        var to = PhoneNumbers.e164(toNumber)
                .orElseThrow(() -> ApiException.badRequest("to_number", "is not a valid E.164 number"));
        var attempt = transactions.execute(status -> record(tenantId, agentId, numberId, to, variables));
        var result = attempts.dial(attempt, markSending -> {
            pacing.limiter(tenantId).acquire();
            return pacing.awaitSharedStart(tenantId, markSending);
        });
        switch (result) {
            case ProviderResult.Unavailable unavailable -> throw ApiException.unavailable("The voice provider is "
                    + "unavailable (" + unavailable.code() + "); the call was not placed, retry later",
                    properties.dispatch().outageBackoff().toSeconds());
            case ProviderResult.AccountRefused refused -> throw new ApiException(HttpStatus.BAD_GATEWAY,
                    "Provider refused the account", refused.reason() + ". No call was placed: check the provider "
                    + "account's API key, credits and plan, then retry", List.of(), null);
            default -> {
            }
        }
        return transactions.execute(status -> calls.find(tenantId, attempt.callId())).map(CallView::of)
                .orElseThrow();
    }

    /** Checks the call and records the attempt, in the caller's transaction: a refused call leaves nothing. */
    private Attempt record(UUID tenantId, UUID agentId, UUID numberId, String to, Map<String, Object> variables) {
        var dialable = directory.dialable(tenantId, agentId, numberId);
        if (suppressions.isSuppressed(tenantId, to)) {
            throw new ApiException(HttpStatus.CONFLICT, "Number suppressed", to + " is on this tenant's "
                    + "suppression list; remove it there first if the contact opted back in",
                    List.of(new ApiException.FieldError("to_number", "is suppressed")), null);
        }
        var limits = pacing.limits(tenantId);
        var open = calls.open(tenantId, numberId, null);
        if (open.tenant() >= limits.maxConcurrent() || open.number() >= properties.numberMaxConcurrent()
                || open.account() >= pacing.accountMaxConcurrent()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many calls in flight",
                    "The tenant, this number or the provider account is at its concurrent call limit; retry when "
                    + "calls end", List.of(), 5L);
        }
        var attempt = new Attempt(UUID.randomUUID(), tenantId, null, null, 1, agentId, numberId,
                dialable.fromNumber(), to,
                dialable.providerAgentId(), dialable.providerPhoneNumberId(), variables,
                ContactZones.localHour(zones.zoneKey(to), clock.instant()), owner);
        attempts.recordRequested(attempt);
        return attempt;
    }
}
