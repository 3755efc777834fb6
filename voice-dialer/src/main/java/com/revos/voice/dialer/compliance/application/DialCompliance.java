package com.revos.voice.dialer.compliance.application;

import com.revos.voice.dialer.compliance.model.ContactFacts;
import com.revos.voice.dialer.compliance.model.DialFacts;
import com.revos.voice.dialer.compliance.model.DialRules;
import com.revos.voice.dialer.compliance.model.Evidence;
import com.revos.voice.dialer.compliance.model.FrequencyCap;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The compliance check every dial passes at the moment its request is to be sent, campaign or single call, first
 * attempt or retry, whatever the optimizer commanded: decided from the records in the sending transaction, and
 * recorded there as evidence, whether the dial is placed or refused.
 */
public class DialCompliance {

    private final DialRules rules;
    private final DialRecords records;
    private final EvidenceLog evidence;
    private final TenantSettings tenants;

    public DialCompliance(DialRules rules, DialRecords records, EvidenceLog evidence, TenantSettings tenants) {
        this.rules = rules;
        this.records = records;
        this.evidence = evidence;
        this.tenants = tenants;
    }

    public DialRules rules() {
        return rules;
    }

    /**
     * The decision on a recorded attempt, not yet recorded (the caller records it once it knows the attempt is
     * still its to send); empty when there is no such attempt.
     */
    public Optional<Evidence> decideAtSend(UUID callId, Instant now) {
        // the attempt, the list and the number's lock in one round trip: this runs for every dial (benchmarks.md)
        return records.attemptAtSend(callId, now).map(at -> decide(at.attempt(), at.suppression(),
                records.placedSinceUnderLock(at.attempt().tenantId(), at.attempt().toNumber(),
                        now.minus(FrequencyCap.WINDOW)), now));
    }

    /** The decision on a call not recorded yet (a single call being checked before it is accepted). */
    public Evidence decide(DialRecords.Attempted attempt, Instant now) {
        return decide(attempt, records.suppression(attempt.tenantId(), attempt.toNumber(), now),
                records.placedSince(attempt.tenantId(), attempt.toNumber(), now.minus(FrequencyCap.WINDOW)), now);
    }

    private Evidence decide(DialRecords.Attempted attempt, DialFacts.SuppressionStatus suppression,
                            List<Instant> placedLast24h, Instant now) {
        var facts = new DialFacts(attempt.callId(), attempt.tenantId(), attempt.campaignId(), attempt.contactId(),
                attempt.attempt(), attempt.toNumber(), attempt.contact(), attempt.campaignWindow(),
                attempt.purpose(), suppression, placedLast24h, tenants.rules(attempt.tenantId()));
        return rules.decide(facts, now, UUID.randomUUID());
    }

    /** A single call's decision before anything is recorded: to number, no campaign, no contact facts. */
    public Evidence decideSingle(UUID callId, UUID tenantId, String toNumber, Instant now) {
        return decide(new DialRecords.Attempted(callId, tenantId, null, null, 1, toNumber, ContactFacts.NONE, null,
                null), now);
    }

    public void record(Evidence decided) {
        evidence.record(decided);
    }

    public List<Evidence> ofCall(UUID tenantId, UUID callId) {
        return evidence.ofCall(tenantId, callId);
    }
}
