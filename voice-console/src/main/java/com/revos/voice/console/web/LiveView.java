package com.revos.voice.console.web;

import com.revos.voice.console.api.Call;
import com.revos.voice.console.api.Campaign;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running campaign at a glance, from its progress and its calls: outcomes by type, connect and qualification rates,
 * cost, calls per second over the last ten seconds, calls in flight, and the outcomes over time.
 */
public record LiveView(Campaign campaign, Map<String, Long> outcomes, long attempted, long connected, long qualified,
                       double cost, double callsPerSecond, long inFlight, OutcomeChart chart, boolean partial) {

    /** The outcomes the design names, in its order; anything else a newer dialer reports follows. */
    static final List<String> OUTCOMES = List.of("connected", "no_answer", "busy", "voicemail", "failed", "cancelled");
    static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    static LiveView of(Campaign campaign, List<Call> calls, boolean partial, Instant now) {
        var outcomes = new LinkedHashMap<String, Long>();
        OUTCOMES.forEach(outcome -> outcomes.put(outcome, 0L));
        long connected = 0;
        long qualified = 0;
        long attempted = 0;
        long inFlight = 0;
        long recent = 0;
        double cost = 0;
        var since = now.minus(RATE_WINDOW);
        for (var call : calls) {
            if (call.outcome() != null) {
                attempted++;
                outcomes.merge(call.outcome(), 1L, Long::sum);
            }
            if (call.connected()) {
                connected++;
                if (call.isQualified()) {
                    qualified++;
                }
            }
            if (call.inFlight()) {
                inFlight++;
            }
            if (call.cost() != null) {
                cost += call.cost();
            }
            if (call.requestedAt() != null && call.requestedAt().isAfter(since)) {
                recent++;
            }
        }
        var progressInFlight = campaign.progress().inFlight();
        return new LiveView(campaign, outcomes, attempted, connected, qualified, cost,
                recent / (double) RATE_WINDOW.toSeconds(),
                progressInFlight != null ? progressInFlight : inFlight, OutcomeChart.of(calls), partial);
    }

    /** Connected of attempted calls with an outcome, in percent. */
    public double connectRate() {
        return attempted == 0 ? 0 : connected * 100.0 / attempted;
    }

    /** Qualified of connected calls, in percent. */
    public double qualificationRate() {
        return connected == 0 ? 0 : qualified * 100.0 / connected;
    }

    /** The page polls while the campaign dials or may dial again (paused); a draft or an ended one is still. */
    public boolean live() {
        return !campaign.over() && !campaign.draft();
    }
}
