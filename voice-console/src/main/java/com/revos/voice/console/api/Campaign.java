package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** A campaign as the dialer shows it; every part may be absent (older or newer dialers), the page copes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Campaign(String id, String name, String agentId, String phoneNumberId, String status,
                       String purpose, Window callingWindow, Pacing pacing, Retry retryPolicy, Progress progress, Instant createdAt,
                       Instant startedAt, Instant finishedAt) {

    public Campaign {
        progress = progress == null ? new Progress(0L, 0L, 0L, 0L, 0L, 0L, 0L) : progress;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(Integer startHour, Integer endHour, List<String> days) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pacing(Double callsPerSecond, Integer maxConcurrent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Retry(Integer maxAttempts, Integer busy, Integer noAnswer, Integer voicemail, Integer failed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Progress(Long total, Long pending, Long inFlight, Long done, Long exhausted, Long suppressed,
                           Long cancelled) {

        static long of(Long value) {
            return value == null ? 0 : value;
        }

        /** Contacts that need no more dialing, of all contacts. */
        public long finished() {
            return of(done) + of(exhausted) + of(suppressed) + of(cancelled);
        }

        public int percent() {
            var all = of(total);
            return all == 0 ? 0 : (int) Math.min(100, finished() * 100 / all);
        }
    }

    /** A marketing campaign dials only contacts with written consent on file (the dialer's default purpose). */
    public boolean marketing() {
        return purpose == null || "marketing".equals(purpose);
    }

    public boolean running() {
        return "running".equals(status);
    }

    public boolean paused() {
        return "paused".equals(status);
    }

    public boolean draft() {
        return "draft".equals(status);
    }

    public boolean over() {
        return "completed".equals(status) || "cancelled".equals(status);
    }
}
