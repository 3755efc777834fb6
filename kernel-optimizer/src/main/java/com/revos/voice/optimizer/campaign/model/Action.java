package com.revos.voice.optimizer.campaign.model;

import com.revos.voice.events.CallingWindow;
import com.revos.voice.events.Pacing;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a decision does. */
public sealed interface Action {

    /** The name the audit trail records. */
    String name();

    record Pause() implements Action {
        public String name() {
            return "pause";
        }
    }

    /**
     * Calling hours inside the legal ceiling, from the hourly model: the expected connect rate of the new and the
     * current window and the one-sided lower bound of the gain at the rule's error rate.
     */
    record Retime(CallingWindow from, CallingWindow to, double expectedRate, double currentRate, double gainLowerBound)
            implements Action {
        public String name() {
            return "retime";
        }
    }

    record ScriptChange(List<UUID> evidenceCallIds) implements Action {
        public ScriptChange {
            evidenceCallIds = List.copyOf(evidenceCallIds);
        }

        public String name() {
            return "script_change";
        }
    }

    /** An automatic scale within the tenant's limits. */
    record Scale(Pacing from, Pacing to) implements Action {
        public String name() {
            return "scale";
        }
    }

    /**
     * A scale-up recommendation; {@code suggested} is absent when the campaign's pacing is unknown, and then the
     * decision is recorded for people only (the recommendation event names the pacing to go to).
     */
    record ScaleUp(@Nullable Pacing suggested) implements Action {
        public String name() {
            return "scale_up";
        }
    }

    /**
     * Undoes a guarded automatic action (a scale or a retime) after the failure or the abandonment rate got
     * significantly worse ({@code worse}: "failure rate" or "abandonment rate"): back to the pacing or the window
     * before it.
     */
    record Rollback(UUID revertedDecisionId, String reverted, @Nullable CallingWindow window, @Nullable Pacing pacing,
                    String worse)
            implements Action {

        public static final String FAILURES = "failure rate";
        public static final String ABANDONMENT = "abandonment rate";

        public String name() {
            return "rollback";
        }
    }

    /** A rule in recommend-only mode whose action has no recommendation event: recorded for people only. */
    record RecommendOnly(Action wouldDo) implements Action {
        public String name() {
            return "recommend_only";
        }
    }
}
