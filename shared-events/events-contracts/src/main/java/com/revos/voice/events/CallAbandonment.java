package com.revos.voice.events;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an abandoned call is (47 CFR 64.1200(a)(7)), the one definition the dialer's compliance limit and the
 * optimizer's rollback guard both use: a live-answered call is abandoned when the person is not connected to a
 * representative within 2 s of the end of their greeting. How an AI agent counts is unsettled, so the stricter
 * reading: a connected call whose agent spoke more than 2 s after the greeting, or that dropped (the agent or the
 * line failed), is abandoned.
 */
public final class CallAbandonment {

    public static final double MAX_REPLY_SECS = 2.0;

    /** The analysis field the intake fills from the transcript's timing: seconds from greeting to agent's reply. */
    public static final String REPLY_FIELD = "agent_reply_secs";

    private static final Pattern DROPPED = Pattern.compile("(drop|error|fail|timeout|silence|no response)");

    private CallAbandonment() {
    }

    public static boolean abandoned(CallOutcome outcome, @Nullable String terminationReason,
                                    @Nullable Map<String, ?> analysis) {
        if (outcome != CallOutcome.CONNECTED) {
            return false;
        }
        if (analysis != null && analysis.get(REPLY_FIELD) instanceof Number reply
                && reply.doubleValue() > MAX_REPLY_SECS) {
            return true;
        }
        return terminationReason != null && DROPPED.matcher(terminationReason.toLowerCase(Locale.ROOT)).find();
    }
}
