package com.revos.voice.optimizer.campaign.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The audit trail of a campaign as the API returns it: decisions, newest first, each with its observation and action. */
record DecisionTrail(List<Item> items, int limit, int offset, long total) {

    record Item(UUID decisionId, String rule, int episode, String decision, double metricValue, double threshold,
                Map<String, Object> detail, Instant decidedAt, Observation event, ActionRow action) {
    }

    /** The kernel event: the metric snapshot that triggered the evaluation. */
    record Observation(UUID eventId, UUID triggerEventId, Instant observedAt, Map<String, Object> metrics) {
    }

    /** The command or recommendation sent, and the dialer's confirmation once it arrived. */
    record ActionRow(UUID actionId, String kind, String type, Map<String, Object> payload, Instant issuedAt,
                     Instant confirmedAt, String confirmationType, UUID confirmationEventId) {
    }
}
