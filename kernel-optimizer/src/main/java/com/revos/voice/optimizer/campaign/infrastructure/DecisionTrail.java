package com.revos.voice.optimizer.campaign.infrastructure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The audit trail of a campaign as the API returns it, one {@code Page} of {@link DecisionView}s: decisions, newest first, each
 * with its observation and action.
 */
final class DecisionTrail {

    private DecisionTrail() {
    }

    /**
     * One decision. {@code evidence} holds the sequential test's statistic, bound, sample, error rate and confidence
     * bound (ADR 0012; empty for decisions of the first build); {@code explanation} says it in a sentence. A rollback
     * of episode n has episode -n.
     */
    record DecisionView(UUID decisionId, String rule, int episode, String decision, double metricValue, double threshold,
                @Nullable Map<String, Object> detail, @Nullable Map<String, Object> evidence,
                @Nullable String explanation, @Nullable Instant decidedAt, Observation event,
                @Nullable ActionRow action) {
    }

    /** The kernel event: the metric snapshot that triggered the evaluation. */
    record Observation(UUID eventId, @Nullable UUID triggerEventId, @Nullable Instant observedAt,
                       @Nullable Map<String, Object> metrics) {
    }

    /**
     * The command or recommendation sent, and the dialer's confirmation once it arrived. The API document is told
     * {@code issued_at} explicitly: swagger-core keeps names starting with "is" out of the snake_case naming
     * strategy (swagger-core#5192), though the wire has it.
     */
    record ActionRow(UUID actionId, String kind, String type, @Nullable Map<String, Object> payload,
                     @Schema(name = "issued_at") @Nullable Instant issuedAt, @Nullable Instant confirmedAt,
                     @Nullable String confirmationType, @Nullable UUID confirmationEventId) {
    }
}
