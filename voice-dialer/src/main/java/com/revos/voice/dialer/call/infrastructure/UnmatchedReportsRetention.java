package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.plumbing.retention.RetentionSweep;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Lets go of unmatched reports older than {@code revos.dialer.unmatched-reports.retention}. They are kept for an
 * operator who asks why a report changed nothing; after a month nobody asks, and a provider replaying another
 * platform's traffic at us would otherwise grow the table, and the cost of every insert into it, without end. The
 * reports themselves stay on their topic for its own retention.
 */
class UnmatchedReportsRetention {

    /** @param retention how long an unmatched report is kept from when the dialer received it */
    @ConfigurationProperties("revos.dialer.unmatched-reports")
    record Settings(@DefaultValue("P30D") Duration retention) {
    }

    private final RetentionSweep reports;

    UnmatchedReportsRetention(JdbcTemplate jdbc, Settings settings, Clock clock) {
        this.reports = new RetentionSweep(jdbc, "unmatched_reports", "received_at", settings.retention(), clock);
    }

    @Scheduled(fixedDelayString = "${revos.dialer.unmatched-reports.cleanup-interval:PT1H}",
            initialDelayString = "PT3M")
    void forgetOldReports() {
        reports.sweep();
    }
}
