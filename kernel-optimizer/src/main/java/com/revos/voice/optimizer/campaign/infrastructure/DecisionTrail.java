package com.revos.voice.optimizer.campaign.infrastructure;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The audit trail of a campaign as the API returns it: decisions, newest first, each with its observation and action. */
record DecisionTrail(List<Item> items, int limit, int offset, long total) {

    /**
     * One decision. {@code evidence} holds the sequential test's statistic, bound, sample, error rate and confidence
     * bound (ADR 0012; empty for decisions of the first build); {@code explanation} says it in a sentence. A rollback
     * of episode n has episode -n.
     */
    record Item(UUID decisionId, String rule, int episode, String decision, double metricValue, double threshold,
                Map<String, Object> detail, Map<String, Object> evidence, String explanation, Instant decidedAt,
                Observation event, ActionRow action) {
    }

    /** The kernel event: the metric snapshot that triggered the evaluation. */
    record Observation(UUID eventId, UUID triggerEventId, Instant observedAt, Map<String, Object> metrics) {
    }

    /**
     * The command or recommendation sent, and the dialer's confirmation once it arrived. The API document is told
     * {@code issued_at} explicitly: swagger-core keeps names starting with "is" out of the snake_case naming
     * strategy (swagger-core#5192), though the wire has it.
     */
    record ActionRow(UUID actionId, String kind, String type, Map<String, Object> payload,
                     @Schema(name = "issued_at") Instant issuedAt, Instant confirmedAt, String confirmationType,
                     UUID confirmationEventId) {
    }
}
