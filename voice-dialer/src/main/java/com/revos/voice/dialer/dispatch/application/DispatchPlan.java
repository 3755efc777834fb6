package com.revos.voice.dialer.dispatch.application;

import com.revos.voice.dialer.compliance.application.OutcomeCompliance;
import java.time.Clock;
import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.call.application.Attempts;
import com.revos.voice.dialer.call.application.CallRecords;
import com.revos.voice.dialer.call.model.Attempt;
import com.revos.voice.dialer.call.model.Owner;
import com.revos.voice.dialer.call.model.SendPacing;
import com.revos.voice.dialer.campaign.application.CampaignCompletion;
import com.revos.voice.dialer.campaign.application.ContactQueue;
import com.revos.voice.dialer.campaign.model.Campaign;
import com.revos.voice.dialer.campaign.model.ContactZones;
import com.revos.voice.dialer.common.application.DialerException;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.dialer.directory.application.Directory;
import com.revos.voice.dialer.directory.model.Dialable;
import com.revos.voice.dialer.pacing.application.CallPacing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch use cases a campaign's pacer runs: how many calls may start now, which contacts they go to (leased
 * and recorded as attempts before any is sent), sending them, and taking back the ones that will not be sent.
 */
public class DispatchPlan {

    private static final Logger log = LoggerFactory.getLogger(DispatchPlan.class);

    private final ContactQueue contacts;
    private final CallRecords calls;
    private final Attempts attempts;
    private final CampaignCompletion completion;
    private final Directory directory;
    private final CallPacing tenants;
    private final DialerProperties properties;
    private final Transactions transactions;
    private final OutcomeCompliance compliance;
    private final Clock clock;

    public DispatchPlan(ContactQueue contacts, CallRecords calls, Attempts attempts, CampaignCompletion completion,
                        Directory directory, CallPacing tenants, DialerProperties properties,
                        Transactions transactions, OutcomeCompliance compliance, Clock clock) {
        this.contacts = contacts;
        this.calls = calls;
        this.attempts = attempts;
        this.completion = completion;
        this.directory = directory;
        this.tenants = tenants;
        this.properties = properties;
        this.transactions = transactions;
        this.compliance = compliance;
        this.clock = clock;
    }

    /**
     * The share of its configured pace the campaign keeps: less as its abandonment rate over 30 days nears the
     * 3 % the rule allows (ADR 0011).
     */
    public double paceFactor(UUID campaignId) {
        return transactions.inTransaction(() -> compliance.abandonment(campaignId, clock.instant())).paceFactor();
    }

    /** How many more calls may start now under the campaign's, the tenant's, the number's and the account's caps. */
    public int capacity(Campaign campaign) {
        var open = calls.open(campaign.tenantId(), campaign.phoneNumberId(), campaign.id());
        var limits = tenants.limits(campaign.tenantId());
        return (int) Math.min(Math.min(campaign.pacing().maxConcurrent() - open.campaign(),
                tenants.accountMaxConcurrent() - open.account()),
                Math.min(limits.maxConcurrent() - open.tenant(), properties.numberMaxConcurrent() - open.number()));
    }

    /**
     * Leases due contacts and records one attempt for each ({@code requested}, {@code CallRequested} announced),
     * committed before any of them is dialed; owned by {@code owner}, so that a pacer fenced off since sends none.
     */
    public List<Attempt> claimAndRecord(Campaign campaign, Owner owner, List<String> openZones, Instant now,
                                        int size, boolean sweepSuppressed) {
        Dialable dialable;
        try {
            dialable = directory.dialable(campaign.tenantId(), campaign.agentId(), campaign.phoneNumberId());
        } catch (DialerException e) {
            log.warn("Campaign {} cannot dial: {}", campaign.id(), e.getMessage());
            return List.of();
        }
        return transactions.inTransaction(() -> {
            if (sweepSuppressed) {
                // the claim skips suppressed numbers anyway; the sweep only makes them count as 'suppressed'
                contacts.suppressPending(campaign.id(), campaign.tenantId());
            }
            var claimed = contacts.claim(campaign.id(), campaign.tenantId(), openZones,
                    campaign.retryPolicy().maxAttempts(), now, size);
            var batch = new ArrayList<Attempt>(claimed.size());
            for (var contact : claimed) {
                var attempt = new Attempt(UUID.randomUUID(), campaign.tenantId(), campaign.id(), contact.id(),
                        contact.attempt(), campaign.agentId(), campaign.phoneNumberId(), dialable.fromNumber(),
                        contact.phone(), dialable.providerAgentId(), dialable.providerPhoneNumberId(),
                        contact.variables(), ContactZones.localHour(contact.zoneKey(), now), owner);
                attempts.recordRequested(attempt);
                batch.add(attempt);
            }
            return batch;
        });
    }

    /** Sends a recorded attempt when {@code pacing} lets it go, and records what the provider answered. */
    public void dial(Attempt attempt, SendPacing pacing) {
        attempts.dial(attempt, pacing);
    }

    /** A recorded attempt that will not be sent after all: given back to its contact, unburned. */
    public void withdraw(Attempt attempt, String reason) {
        attempts.withdraw(attempt, reason);
    }

    public void completeIfDrained(UUID campaignId) {
        transactions.inTransaction(() -> completion.completeIfDrained(campaignId));
    }
}
