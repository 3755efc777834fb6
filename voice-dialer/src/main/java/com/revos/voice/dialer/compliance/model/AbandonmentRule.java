package com.revos.voice.dialer.compliance.model;

import com.revos.voice.events.CallAbandonment;
import com.revos.voice.events.CallOutcome;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Abandoned calls (47 CFR 64.1200(a)(7)), as {@link CallAbandonment} defines them for the dialer and the optimizer
 * alike. At most 3 % of live-answered calls per campaign over 30 days; the dialer slows a
 * campaign as it nears that.
 */
public final class AbandonmentRule {

    public static final double MAX_RATE = 0.03;
    /** Above this the campaign is slowed, to stay below {@link #MAX_RATE}. */
    public static final double SLOW_AT = 0.02;
    public static final double MAX_REPLY_SECS = CallAbandonment.MAX_REPLY_SECS;
    /** Fewer live answers than this say too little to act on. */
    public static final long MIN_LIVE = 20;

    /** The analysis field the intake fills from the transcript's timing: seconds from greeting to agent's reply. */
    public static final String REPLY_FIELD = CallAbandonment.REPLY_FIELD;

    private AbandonmentRule() {
    }

    public static boolean abandoned(CallOutcome outcome, @Nullable String terminationReason,
                                    @Nullable Map<String, Object> analysis) {
        return CallAbandonment.abandoned(outcome, terminationReason, analysis);
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
