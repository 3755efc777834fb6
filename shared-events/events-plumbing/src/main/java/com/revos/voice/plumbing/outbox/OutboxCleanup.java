package com.revos.voice.plumbing.outbox;

import com.revos.voice.plumbing.retention.RetentionSweep;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes outbox rows older than the retention. The relay reads the WAL, not the table, so rows are only kept as
 * a recent audit of what was published; deletes are skipped by the relay ({@code skipped.operations}).
 */
public class OutboxCleanup {

    private final RetentionSweep published;

    public OutboxCleanup(JdbcTemplate jdbc, OutboxProperties properties, Clock clock) {
        this.published = new RetentionSweep(jdbc, "outbox", "created_at", properties.retention(), clock);
    }

    @Scheduled(fixedDelayString = "${revos.outbox.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    void deletePublishedRows() {
        published.sweep();
    }
}
