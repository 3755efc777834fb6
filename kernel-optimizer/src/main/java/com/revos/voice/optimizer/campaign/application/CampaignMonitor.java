package com.revos.voice.optimizer.campaign.application;

import com.revos.voice.optimizer.policy.application.PolicySource;
import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CampaignEvent;
import com.revos.voice.events.CampaignEvent.CampaignCancelled;
import com.revos.voice.events.CampaignEvent.CampaignCompleted;
import com.revos.voice.events.CampaignEvent.CampaignPaused;
import com.revos.voice.events.CampaignEvent.CampaignResumed;
import com.revos.voice.events.CampaignEvent.CampaignRetimed;
import com.revos.voice.events.CampaignEvent.CampaignScaled;
import com.revos.voice.events.CampaignEvent.CampaignStarted;
import com.revos.voice.optimizer.campaign.model.Attempt;
import com.revos.voice.optimizer.campaign.model.CallingHoursCeiling;
import com.revos.voice.optimizer.campaign.model.CampaignState;
import com.revos.voice.optimizer.campaign.model.Decision;
import com.revos.voice.optimizer.campaign.model.HourlyConnects;
import com.revos.voice.optimizer.campaign.model.RuleBook;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Applies one event to a campaign's state and acts on what the rules decide. The caller (the stream processor)
 * deduplicates events and stores the state afterwards.
 */
public final class CampaignMonitor {

    private final PolicySource policies;
    private final DecisionLog log;
    private final CallingHoursCeiling ceiling;

    public CampaignMonitor(PolicySource policies, DecisionLog log) {
        this(policies, log, CallingHoursCeiling.FEDERAL);
    }

    /** @param ceiling the legal calling hours no retime may leave */
    public CampaignMonitor(PolicySource policies, DecisionLog log, CallingHoursCeiling ceiling) {
        this.policies = policies;
        this.log = log;
        this.ceiling = ceiling;
    }

    /**
     * Counts the outcome, evaluates the rules and records what fired.
     *
     * @param tenantHours the hourly connects of the tenant's other campaigns (the retime prior), asked for only when
     *                    a retime is planned
     */
    public List<Decision> onCallCompleted(CampaignState state, Supplier<HourlyConnects> tenantHours,
                                          CallCompleted call, UUID eventId, Instant at) {
        var policy = policies.policyOf(call.tenantId());
        var attempt = Attempt.of(call, at);
        state.record(attempt, call.tenantId(), policy);
        var decisions = RuleBook.evaluate(state, attempt, policy, tenantHours, ceiling);
        if (!decisions.isEmpty()) {
            var hourly = state.hourlyConnectRates();
            decisions.forEach(decision -> log.record(decision, eventId, hourly));
        }
        return decisions;
    }

    /** Keeps what the dialer says about the campaign, and records confirmations of our commands. */
    public void onCampaignEvent(CampaignState state, CampaignEvent event, UUID eventId, Instant at) {
        switch (event) {
            case CampaignStarted started -> state.started(started.tenantId(), started.callingWindow(),
                    started.pacing(), started.limits());
            case CampaignPaused paused -> {
                state.paused();
                confirm(paused.commandId(), event, "campaign.paused", eventId, at);
            }
            case CampaignResumed ignored -> state.resumed();
            case CampaignRetimed retimed -> {
                state.retimed(retimed.callingWindow());
                confirm(retimed.commandId(), event, "campaign.retimed", eventId, at);
            }
            case CampaignScaled scaled -> {
                state.scaled(scaled.pacing());
                confirm(scaled.commandId(), event, "campaign.scaled", eventId, at);
            }
            case CampaignCompleted ignored -> state.ended();
            case CampaignCancelled ignored -> state.ended();
        }
    }

    private void confirm(@Nullable UUID commandId, CampaignEvent event, String type, UUID eventId, Instant at) {
        if (commandId != null) {
            log.confirm(new DecisionLog.Confirmation(commandId, event.tenantId(), event.campaignId(), type, eventId,
                    at));
        }
    }
}
