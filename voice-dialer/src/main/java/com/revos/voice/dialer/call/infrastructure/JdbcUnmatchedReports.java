package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.call.application.UnmatchedReports;
import com.revos.voice.events.EventJson;
import com.revos.voice.events.ProviderReport.CallReported;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code unmatched_reports}: the report as it came, as JSON, once per event id. */
final class JdbcUnmatchedReports implements UnmatchedReports {

    private final JdbcTemplate jdbc;

    JdbcUnmatchedReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void keep(UUID eventId, CallReported report, String reason, Instant receivedAt) {
        jdbc.update("""
                INSERT INTO unmatched_reports (event_id, provider, kind, provider_call_id, reason, report, received_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (event_id) DO NOTHING""", eventId, report.provider(),
                report.kind(), report.providerCallId(), reason,
                new String(EventJson.write(report), StandardCharsets.UTF_8), Timestamp.from(receivedAt));
    }
}
