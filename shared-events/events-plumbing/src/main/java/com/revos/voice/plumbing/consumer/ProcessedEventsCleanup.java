package com.revos.voice.plumbing.consumer;

import com.revos.voice.plumbing.retention.RetentionSweep;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets the events consumer groups applied longer ago than the retention. Without it the log grows by a row per
 * event and group for as long as the service runs, and every claim pays for its size: once random keys outgrow the
 * buffer cache, each insert costs more (half as much again, measured on a table of two million rows of the dialer's
 * unmatched reports; docs/benchmarks.md).
 */
public class ProcessedEventsCleanup {

    private final RetentionSweep claims;

    public ProcessedEventsCleanup(JdbcTemplate jdbc, ProcessedEventsProperties properties, Clock clock) {
        this.claims = new RetentionSweep(jdbc, "processed_events", "processed_at", properties.retention(), clock);
    }

    @Scheduled(fixedDelayString = "${revos.consumers.processed-events.cleanup-interval:PT1H}",
            initialDelayString = "PT2M")
    public void forgetOldClaims() {
        claims.sweep();
    }
}
