package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a campaign's decision trail: what the optimizer saw (the observation and its metrics), what it decided
 * (rule, metric against threshold, the evidence in {@code detail}) and what it did (the action and its confirmation).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Decision(String decisionId, String rule, String decision, Instant decidedAt, Double metricValue,
                       Double threshold, Integer episode, Map<String, Object> detail, Observation event,
                       Action action, @Nullable String explanation) {

    public Decision {
        detail = detail == null ? Map.of() : detail;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Observation(String eventId, Instant observedAt, Map<String, Object> metrics,
                              String triggerEventId) {

        public Observation {
            metrics = metrics == null ? Map.of() : metrics;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Action(String actionId, String kind, String type, Instant issuedAt, Instant confirmedAt,
                         String confirmationType, Map<String, Object> payload) {

        public Action {
            payload = payload == null ? Map.of() : payload;
        }
    }

    /**
     * The sentence a person reads, when the optimizer wrote one: the trail's {@code explanation} ("paused: failure
     * rate >= 41 % with 99 % confidence after 23 calls; threshold 30 %"), or one the detail carries.
     */
    public @Nullable String sentence() {
        if (explanation != null && !explanation.isBlank()) {
            return explanation;
        }
        for (var key : new String[] {"explanation", "sentence", "reason", "summary"}) {
            var value = detail.get(key);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
