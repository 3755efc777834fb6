package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.call.application.UnmatchedReports;
import com.revos.voice.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code unmatched_reports}: the report as it came, as JSON, once per event id. A poll's reports go in one statement
 * over arrays, not a batch of one insert each: under a stream of reports for calls we never placed (the webhook
 * benchmark's load, or a provider replaying another platform's traffic) the per-statement work was most of what
 * PostgreSQL spent on a report.
 */
final class JdbcUnmatchedReports implements UnmatchedReports {

    private static final String INSERT = """
            INSERT INTO unmatched_reports (event_id, provider, kind, provider_call_id, reason, report, received_at)
            SELECT given.event_id, given.provider, given.kind, given.provider_call_id, given.reason,
                   given.report::jsonb, ?
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS given(event_id, provider, kind, provider_call_id, reason, report)
            ON CONFLICT (event_id) DO NOTHING""";

    private final JdbcTemplate jdbc;

    JdbcUnmatchedReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void keepAll(List<Unmatched> reports, Instant receivedAt) {
        if (reports.isEmpty()) {
            return;
        }
        jdbc.update(INSERT, statement -> {
            var connection = statement.getConnection();
            statement.setTimestamp(1, Timestamp.from(receivedAt));
            statement.setArray(2, connection.createArrayOf("uuid", column(reports, Unmatched::eventId)));
            statement.setArray(3, connection.createArrayOf("text", column(reports, kept -> kept.report().provider())));
            statement.setArray(4, connection.createArrayOf("text", column(reports, kept -> kept.report().kind())));
            statement.setArray(5, connection.createArrayOf("text",
                    column(reports, kept -> kept.report().providerCallId())));
            statement.setArray(6, connection.createArrayOf("text", column(reports, Unmatched::reason)));
            statement.setArray(7, connection.createArrayOf("text",
                    column(reports, kept -> new String(EventJson.write(kept.report()), StandardCharsets.UTF_8))));
        });
    }

    private static Object[] column(List<Unmatched> reports, Function<Unmatched, Object> value) {
        return reports.stream().map(value).toArray();
    }
}
