package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.compliance.application.ComplianceRefusal;
import com.revos.voice.dialer.compliance.application.DialCompliance;
import com.revos.voice.dialer.call.model.Attempt;
import com.revos.voice.dialer.call.model.CallRecord;
import com.revos.voice.dialer.call.model.Owner;
import com.revos.voice.dialer.call.model.ProviderResult;
import com.revos.voice.dialer.campaign.model.ContactZones;
import com.revos.voice.dialer.common.application.DialerException;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.values.E164;
import com.revos.voice.dialer.directory.application.Directory;
import com.revos.voice.dialer.pacing.application.CallPacing;
import com.revos.voice.dialer.suppression.application.SuppressionList;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One call now, outside any campaign: checked, recorded, paced with the tenant's other calls (across instances),
 * placed. The answer says what is known: placed or refused (201), or lost by the provider (202, state
 * {@code ambiguous}: it is being looked up and will never be placed a second time). Only a call proven not placed
 * answers 503 and may be retried as a new call.
 */
public class SingleCalls {

    private final Directory directory;
    private final SuppressionList suppressions;
    private final Attempts attempts;
    private final CallRecords calls;
    private final CallPacing pacing;
    private final DialerProperties properties;
    private final Transactions transactions;
    private final ContactZones zones;
    private final Owner owner;
    private final Clock clock;
    private final DialCompliance compliance;

    public SingleCalls(Directory directory, SuppressionList suppressions, Attempts attempts, CallRecords calls,
                       CallPacing pacing, DialerProperties properties, Transactions transactions, Owner owner,
                       Clock clock, DialCompliance compliance) {
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
        this.compliance = compliance;
    }

    public CallRecord call(UUID tenantId, UUID agentId, UUID numberId, String toNumber, Map<String, Object> variables) {
        var to = E164.normalize(toNumber).map(E164::value)
                .orElseThrow(() -> DialerException.invalid("to_number", "is not a valid E.164 number"));
        var callId = UUID.randomUUID();
        // the legal ceiling first, in a transaction of its own, so that a refusal keeps its evidence record
        var decided = transactions.inTransaction(() -> {
            var evidence = compliance.decideSingle(callId, tenantId, to, clock.instant());
            if (!evidence.allowed()) {
                compliance.record(evidence);
            }
            return evidence;
        });
        // a suppressed number keeps its own answer (409, below), with its evidence recorded here
        if (!decided.allowed() && !"suppressed".equals(decided.rule())) {
            throw ComplianceRefusal.dial("to_number", decided);
        }
        var attempt = transactions.inTransaction(() -> record(callId, tenantId, agentId, numberId, to, variables));
        var result = attempts.dial(attempt, markSending -> {
            pacing.limiter(tenantId).acquire();
            return pacing.awaitSharedStart(tenantId, markSending);
        });
        refusedAtSend(tenantId, callId);
        switch (result) {
            case ProviderResult.Unavailable unavailable -> throw new DialerException(
                    DialerException.Kind.PROVIDER_UNAVAILABLE, "Temporarily unavailable", "The voice provider is "
                    + "unavailable (" + unavailable.code() + "); the call was not placed, retry later", List.of(),
                    properties.dispatch().outageBackoff());
            case ProviderResult.AccountRefused refused -> throw new DialerException(
                    DialerException.Kind.PROVIDER_REFUSED, "Provider refused the account", refused.reason()
                    + ". No call was placed: check the provider account's API key, credits and plan, then retry",
                    List.of(), null);
            default -> {
            }
        }
        return transactions.inTransaction(() -> calls.find(tenantId, attempt.callId())).orElseThrow();
    }

    /** Checked again at the send point (a call to the number placed meanwhile may have reached the cap). */
    private void refusedAtSend(UUID tenantId, UUID callId) {
        var refused = transactions.inTransaction(() -> compliance.ofCall(tenantId, callId)).stream()
                .filter(evidence -> !evidence.allowed()).findFirst();
        if (refused.isPresent()) {
            throw ComplianceRefusal.dial("to_number", refused.get());
        }
    }

    /** Checks the call and records the attempt, in the caller's transaction: a refused call leaves nothing. */
    private Attempt record(UUID callId, UUID tenantId, UUID agentId, UUID numberId, String to, Map<String, Object> variables) {
        var dialable = directory.dialable(tenantId, agentId, numberId);
        if (suppressions.isSuppressed(tenantId, to)) {
            throw DialerException.conflict("Number suppressed", to + " is on this tenant's suppression list; "
                    + "remove it there first if the contact opted back in",
                    new DialerException.FieldError("to_number", "is suppressed"));
        }
        var limits = pacing.limits(tenantId);
        var open = calls.open(tenantId, numberId, null);
        if (open.tenant() >= limits.maxConcurrent() || open.number() >= properties.numberMaxConcurrent()
                || open.account() >= pacing.accountMaxConcurrent()) {
            throw new DialerException(DialerException.Kind.LIMIT_REACHED, "Too many calls in flight",
                    "The tenant, this number or the provider account is at its concurrent call limit; retry when "
                    + "calls end", List.of(), Duration.ofSeconds(5));
        }
        var attempt = new Attempt(callId, tenantId, null, null, 1, agentId, numberId,
                dialable.fromNumber(), to,
                dialable.providerAgentId(), dialable.providerPhoneNumberId(), variables,
                ContactZones.localHour(zones.zoneKey(to), clock.instant()), owner);
        attempts.recordRequested(attempt);
        return attempt;
    }
}
