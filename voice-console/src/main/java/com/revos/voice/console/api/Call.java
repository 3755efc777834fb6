package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * A call attempt and, once known, its outcome. Tolerant by design: the dialer's call outcome gains fields (score,
 * summary, cost in USD, the evidence of why it was allowed) as it evolves; absent ones show as "—".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Call(String id, String campaignId, String contactId, Integer attempt, String state, String outcome,
                   String toNumber, Integer durationSecs, @JsonAlias({"cost_usd", "costUsd"}) Double cost,
                   Double qualificationScore, Boolean qualified, String summary,
                   @JsonAlias({"termination_reason", "not_placed"}) String failureReason, Instant requestedAt,
                   Instant initiatedAt, Instant finishedAt,
                   @JsonAlias({"dial_evidence", "compliance"}) Map<String, Object> evidence) {

    public Call {
        evidence = evidence == null ? Map.of() : evidence;
    }

    public boolean connected() {
        return "connected".equals(outcome);
    }

    /** Qualified, by the provider's flag or, where only a score is given, a score of at least one half. */
    public boolean isQualified() {
        if (qualified != null) {
            return qualified;
        }
        return qualificationScore != null && qualificationScore >= 0.5;
    }

    public boolean inFlight() {
        return outcome == null && ("requested".equals(state) || "initiated".equals(state));
    }
}
