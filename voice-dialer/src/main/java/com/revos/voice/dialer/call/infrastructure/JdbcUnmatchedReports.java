package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.call.application.UnmatchedReports;
import com.revos.voice.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code unmatched_reports}: the report as it came, as JSON, once per event id. */
final class JdbcUnmatchedReports implements UnmatchedReports {

    private final JdbcTemplate jdbc;

    JdbcUnmatchedReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String INSERT = """
            INSERT INTO unmatched_reports (event_id, provider, kind, provider_call_id, reason, report, received_at)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (event_id) DO NOTHING""";

    @Override
    public void keepAll(List<Unmatched> reports, Instant receivedAt) {
        if (reports.isEmpty()) {
            return;
        }
        var at = Timestamp.from(receivedAt);
        jdbc.batchUpdate(INSERT, reports.stream().map(kept -> new Object[] {kept.eventId(), kept.report().provider(),
                kept.report().kind(), kept.report().providerCallId(), kept.reason(),
                new String(EventJson.write(kept.report()), StandardCharsets.UTF_8), at}).toList());
    }
}
