package com.revos.voice.optimizer;

import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallResult;
import com.revos.voice.events.CallTiming;
import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.CampaignEvent.CampaignStarted;
import com.revos.voice.events.Pacing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test fixtures: call outcomes and campaign starts as the dialer and the webhook intake publish them. */
public final class Calls {

    private Calls() {
    }

    public static CallCompleted outcome(UUID tenant, UUID campaign, CallOutcome outcome, boolean qualified,
                                        Integer localHour) {
        var connected = outcome == CallOutcome.CONNECTED;
        return new CallCompleted(
                new CallCompleted.Dialed(UUID.randomUUID(), tenant, campaign, UUID.randomUUID(), 1, "+15551230000",
                        localHour),
                new CallCompleted.ProviderCall("elevenlabs", "conv_" + UUID.randomUUID(), null),
                new CallTiming(Instant.parse("2026-11-23T18:00:00Z"), connected ? 95 : 0), outcome,
                new CallResult(connected && qualified, connected && qualified ? 0.9 : 0.1, "done", Map.of(), null),
                new CallCompleted.Billing(null, new BigDecimal("0.12"), null),
                new CallCompleted.Provenance(List.of("elevenlabs"), "provider report"));
    }

    public static CallCompleted outcome(UUID tenant, UUID campaign, CallOutcome outcome) {
        return outcome(tenant, campaign, outcome, false, 12);
    }

    /** Outcome {@code i} of a stream where 4 in 10 fail and the rest connect, a third of those qualifying. */
    public static CallCompleted fortyPercentFailing(UUID tenant, UUID campaign, int i) {
        if (i % 10 < 4) {
            return outcome(tenant, campaign, CallOutcome.FAILED);
        }
        return outcome(tenant, campaign, CallOutcome.CONNECTED, i % 3 == 0, 12);
    }

    /** Outcome {@code i} of a campaign whose calls connect (a third qualifying) until call {@code healthy}, then fail. */
    public static CallCompleted burstAfter(UUID tenant, UUID campaign, int healthy, int i) {
        return i < healthy ? outcome(tenant, campaign, CallOutcome.CONNECTED, i % 3 == 0, 12)
                : outcome(tenant, campaign, CallOutcome.FAILED);
    }

    /**
     * Outcome {@code i} of a campaign dialing local hours 9-20 in turn, where only the evening (18-20) answers,
     * every other evening call; connected calls qualify.
     */
    public static CallCompleted eveningOnly(UUID tenant, UUID campaign, int i) {
        var hour = 9 + i % 12;
        var connects = hour >= 18 && (i / 12) % 2 == 0;
        return outcome(tenant, campaign, connects ? CallOutcome.CONNECTED : CallOutcome.NO_ANSWER, true, hour);
    }

    public static CampaignStarted started(UUID tenant, UUID campaign, Pacing pacing, Pacing limits) {
        return new CampaignStarted(campaign, tenant, "campaign", new CallingWindow(9, 21, null), pacing, limits, 1000,
                Instant.parse("2026-11-23T08:00:00Z"));
    }
}
