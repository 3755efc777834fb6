package com.revos.voice.plumbing.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the relay is behind: the age of the oldest outbox row committed after the last row it published, or zero
 * when it has caught up. An idle service therefore shows no lag, and a stuck relay shows a growing one.
 */
public class OutboxLag {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OutboxLag(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    double secondsBehind(Instant lastPublishedCreatedAt) {
        var oldest = jdbc.queryForObject("SELECT min(created_at) FROM outbox WHERE created_at > ?", Timestamp.class,
                Timestamp.from(lastPublishedCreatedAt));
        if (oldest == null) {
            return 0.0;
        }
        return Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
    }
}
