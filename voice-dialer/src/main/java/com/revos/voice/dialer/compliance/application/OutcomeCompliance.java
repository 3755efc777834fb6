package com.revos.voice.dialer.compliance.application;

import com.revos.voice.dialer.compliance.model.AbandonmentRule;
import com.revos.voice.dialer.compliance.model.OptOutRule;
import com.revos.voice.events.CallOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a call's outcome means for compliance, applied in the transaction that makes the outcome final: an opt-out
 * said during the call puts the number on the tenant's do-not-call list at once (every campaign, from the next
 * dial on), and a live-answered call counts toward its campaign's abandonment rate.
 */
public class OutcomeCompliance {

    public static final Duration ABANDONMENT_PERIOD = Duration.ofDays(30);

    private final OptOutList optOuts;
    private final AbandonmentLog abandonment;

    public OutcomeCompliance(OptOutList optOuts, AbandonmentLog abandonment) {
        this.optOuts = optOuts;
        this.abandonment = abandonment;
    }

    /** An outcome as compliance needs it. */
    public record Outcome(UUID callId, UUID tenantId, @Nullable UUID campaignId, String toNumber, CallOutcome outcome,
                          @Nullable String terminationReason, @Nullable Map<String, Object> analysis, Instant at) {
    }

    /** The opt-out reason when the call carried one. */
    public java.util.Optional<String> apply(Outcome outcome) {
        var optOut = OptOutRule.optOut(outcome.terminationReason(), outcome.analysis());
        optOut.ifPresent(reason -> optOuts.optOut(outcome.tenantId(), outcome.toNumber(), reason, "call",
                outcome.callId()));
        if (outcome.campaignId() != null && outcome.outcome() == CallOutcome.CONNECTED) {
            abandonment.record(outcome.callId(), outcome.tenantId(), outcome.campaignId(),
                    AbandonmentRule.abandoned(outcome.outcome(), outcome.terminationReason(), outcome.analysis()),
                    outcome.at());
        }
        return optOut;
    }

    /** The campaign's abandonment over the last 30 days. */
    public Abandonment abandonment(UUID campaignId, Instant now) {
        var counts = abandonment.since(campaignId, now.minus(ABANDONMENT_PERIOD));
        return new Abandonment(counts.live(), counts.abandoned(), AbandonmentRule.rate(counts.abandoned(),
                counts.live()), AbandonmentRule.paceFactor(counts.abandoned(), counts.live()));
    }

    /** @param paceFactor the share of its configured pace the campaign keeps */
    public record Abandonment(long liveAnswered, long abandoned, double rate, double paceFactor) {
    }
}
