package com.revos.voice.dialer.compliance.application;

import com.revos.voice.dialer.compliance.model.Evidence;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** The per-dial evidence records: written in the transaction that decides the dial, never changed. */
public interface EvidenceLog {

    void record(Evidence evidence);

    /** Every record of one call (its refusals and the dial that placed it), oldest first. */
    List<Evidence> ofCall(UUID tenantId, UUID callId);

    /** Streams a campaign's records, oldest first, to {@code sink}; the count. */
    long ofCampaign(UUID tenantId, UUID campaignId, Consumer<Evidence> sink);
}
