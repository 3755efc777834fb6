package com.revos.voice.dialer.compliance.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.revos.voice.dialer.compliance.application.EvidenceLog;
import com.revos.voice.dialer.compliance.model.Evidence;
import com.revos.voice.dialer.compliance.model.Jurisdiction;
import com.revos.voice.dialer.compliance.model.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.jspecify.annotations.Nullable;

/** {@code dial_evidence}: one row per decision, never updated. */
final class JdbcEvidenceLog implements EvidenceLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FETCH = 500;
    private static final String COLUMNS = "id, tenant_id, campaign_id, contact_id, call_id, attempt, to_number, "
            + "decision, rule, rule_name, detail, allowed_hours, retry_at, country, zones, states, local_times, "
            + "campaign_window, ceiling, ceiling_rules, suppression_checked_at, suppression_list_version, "
            + "calls_last_24h, calls_cap, cap_rule, consent, purpose, decided_at";

    private final JdbcTemplate jdbc;

    JdbcEvidenceLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Evidence e) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO dial_evidence (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?)");
            int i = 0;
            statement.setObject(++i, e.id());
            statement.setObject(++i, e.tenantId());
            statement.setObject(++i, e.campaignId());
            statement.setObject(++i, e.contactId());
            statement.setObject(++i, e.callId());
            statement.setInt(++i, e.attempt());
            statement.setString(++i, e.toNumber());
            statement.setString(++i, e.decision().wire());
            statement.setString(++i, e.rule());
            statement.setString(++i, e.ruleName());
            statement.setString(++i, e.detail());
            statement.setString(++i, e.allowedHours());
            statement.setTimestamp(++i, timestamp(e.retryAt()));
            statement.setString(++i, e.country());
            statement.setString(++i, write(e.zones().stream().map(z -> Map.of("zone", z.zone().getId(), "source",
                    z.source().wire())).toList()));
            statement.setString(++i, write(e.states().stream().map(s -> Map.of("state", s.code(), "source",
                    s.source().wire())).toList()));
            statement.setString(++i, write(e.localTimes()));
            statement.setString(++i, e.campaignWindow());
            statement.setString(++i, e.ceiling());
            statement.setArray(++i, connection.createArrayOf("text", e.ceilingRules().toArray()));
            statement.setTimestamp(++i, timestamp(e.suppressionCheckedAt()));
            statement.setLong(++i, e.suppressionListVersion());
            statement.setInt(++i, e.callsLast24h());
            statement.setInt(++i, e.callsCap());
            statement.setString(++i, e.capRule());
            statement.setString(++i, e.consent());
            statement.setString(++i, e.purpose());
            statement.setTimestamp(++i, timestamp(e.decidedAt()));
            return statement;
        });
    }

    @Override
    public List<Evidence> ofCall(UUID tenantId, UUID callId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dial_evidence WHERE tenant_id = ? AND call_id = ? "
                + "ORDER BY decided_at, id", (rs, n) -> read(rs), tenantId, callId);
    }

    @Override
    public long ofCampaign(UUID tenantId, UUID campaignId, Consumer<Evidence> sink) {
        var count = new long[1];
        jdbc.query(connection -> {
            // a cursor (inside the caller's transaction): an audit of millions of dials streams in fixed memory
            var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM dial_evidence WHERE "
                    + "tenant_id = ? AND campaign_id = ? ORDER BY decided_at, id");
            statement.setFetchSize(FETCH);
            statement.setObject(1, tenantId);
            statement.setObject(2, campaignId);
            return statement;
        }, (RowCallbackHandler) rs -> {
            sink.accept(read(rs));
            count[0]++;
        });
        return count[0];
    }

    private static Evidence read(ResultSet rs) throws SQLException {
        var zones = new ArrayList<Jurisdiction.Zone>();
        for (var zone : JdbcEvidenceLog.<List<Map<String, String>>>read(rs.getString("zones"))) {
            zones.add(new Jurisdiction.Zone(ZoneId.of(stored(zone, "zone")), source(stored(zone, "source"))));
        }
        var states = new ArrayList<Jurisdiction.State>();
        for (var state : JdbcEvidenceLog.<List<Map<String, String>>>read(rs.getString("states"))) {
            states.add(new Jurisdiction.State(stored(state, "state"), source(stored(state, "source"))));
        }
        var rules = rs.getArray("ceiling_rules");
        return new Evidence(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("campaign_id", UUID.class), rs.getObject("contact_id", UUID.class),
                rs.getObject("call_id", UUID.class), rs.getInt("attempt"), rs.getString("to_number"),
                Evidence.Decision.parse(rs.getString("decision")), rs.getString("rule"), rs.getString("rule_name"),
                rs.getString("detail"), rs.getString("allowed_hours"), instant(rs.getTimestamp("retry_at")),
                rs.getString("country"), zones, states,
                new LinkedHashMap<>(JdbcEvidenceLog.<Map<String, String>>read(rs.getString("local_times"))),
                rs.getString("campaign_window"), rs.getString("ceiling"),
                Arrays.asList((String[]) rules.getArray()), instant(rs.getTimestamp("suppression_checked_at")),
                rs.getLong("suppression_list_version"), rs.getInt("calls_last_24h"), rs.getInt("calls_cap"),
                rs.getString("cap_rule"), rs.getString("consent"), rs.getString("purpose"),
                Objects.requireNonNull(instant(rs.getTimestamp("decided_at")), "a decision has its time"));
    }

    /** A field this log wrote itself into a zone's or a state's JSON. */
    private static String stored(Map<String, String> written, String field) {
        return Objects.requireNonNull(written.get(field), "dial_evidence writes every zone and state with " + field);
    }

    private static Source source(String wire) {
        return Source.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    private static <T> T read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<T>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dial_evidence holds JSON it cannot read back", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
