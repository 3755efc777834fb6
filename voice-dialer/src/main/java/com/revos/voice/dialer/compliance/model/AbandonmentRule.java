package com.revos.voice.dialer.compliance.model;

import com.revos.voice.events.CallOutcome;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Abandoned calls (47 CFR 64.1200(a)(7)): a live-answered call is abandoned when the person is not connected to a
 * representative within 2 s of the end of their greeting. How an AI agent counts is unsettled, so the stricter
 * reading: a connected call whose agent spoke more than 2 s after the greeting, or that dropped (the agent or the
 * line failed), is abandoned. At most 3 % of live-answered calls per campaign over 30 days; the dialer slows a
 * campaign as it nears that.
 */
public final class AbandonmentRule {

    public static final double MAX_RATE = 0.03;
    /** Above this the campaign is slowed, to stay below {@link #MAX_RATE}. */
    public static final double SLOW_AT = 0.02;
    public static final double MAX_REPLY_SECS = 2.0;
    /** Fewer live answers than this say too little to act on. */
    public static final long MIN_LIVE = 20;

    /** The analysis field the intake fills from the transcript's timing: seconds from greeting to agent's reply. */
    public static final String REPLY_FIELD = "agent_reply_secs";

    private static final Pattern DROPPED = Pattern.compile("(drop|error|fail|timeout|silence|no response)");

    private AbandonmentRule() {
    }

    public static boolean abandoned(CallOutcome outcome, String terminationReason, Map<String, Object> analysis) {
        if (outcome != CallOutcome.CONNECTED) {
            return false;
        }
        if (analysis != null && analysis.get(REPLY_FIELD) instanceof Number reply
                && reply.doubleValue() > MAX_REPLY_SECS) {
            return true;
        }
        return terminationReason != null && DROPPED.matcher(terminationReason.toLowerCase(Locale.ROOT)).find();
    }

    /** The rate over live-answered calls; 0 when there were none. */
    public static double rate(long abandoned, long live) {
        return live == 0 ? 0 : (double) abandoned / live;
    }

    /**
     * How much of its configured pace the campaign keeps: all of it below 2 %, half from 2 %, a tenth from 3 %
     * (it keeps calling so that the rate can recover as the 30 days roll, but barely).
     */
    public static double paceFactor(long abandoned, long live) {
        if (live < MIN_LIVE) {
            return 1.0;
        }
        var rate = rate(abandoned, live);
        return rate >= MAX_RATE ? 0.1 : rate >= SLOW_AT ? 0.5 : 1.0;
    }
}
