package com.revos.voice.plumbing.consumer;

import com.revos.voice.plumbing.retention.OldRows;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets the events consumer groups applied longer ago than the retention. Without it the log grows by a row per
 * event and group for as long as the service runs, and every claim pays for its size: once random keys outgrow the
 * buffer cache, each insert costs more (half as much again, measured on a table of two million rows of the dialer's
 * unmatched reports; docs/benchmarks.md).
 */
public class ProcessedEventsCleanup {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsCleanup.class);

    private final OldRows claims;
    private final ProcessedEventsProperties properties;
    private final Clock clock;

    public ProcessedEventsCleanup(JdbcTemplate jdbc, ProcessedEventsProperties properties, Clock clock) {
        this.claims = new OldRows(jdbc, "processed_events", "processed_at");
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${revos.consumers.processed-events.cleanup-interval:PT1H}",
            initialDelayString = "PT2M")
    public void forgetOldClaims() {
        var forgotten = claims.deleteBefore(clock.instant().minus(properties.retention()));
        if (forgotten > 0) {
            log.info("Forgot {} applied events older than {}", forgotten, properties.retention());
        }
    }
}
