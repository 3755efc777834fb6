package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shared pacing log's one statement (ADR 0027), on the real database: {@code pacing_grant} grants what every
 * key's window has room for, all or nothing across keys, and when a window is full says how long until its oldest
 * grant leaves it.
 */
class SharedPacingGrantIT extends DialerIntegrationTest {

    private static final double WINDOW_SECONDS = 1.02;

    record Answer(int granted, double waitSeconds) {
    }

    @Test
    void a_tenant_gets_no_more_than_its_rate_in_a_window_however_many_it_asks_for() {
        var tenant = key("tenant");

        assertThat(grant(List.of(tenant), List.of(3.0), 5)).isEqualTo(new Answer(3, 0));
        assertThat(grant(List.of(tenant), List.of(3.0), 1).granted()).isZero();
        assertThat(grants(tenant)).isEqualTo(3);
    }

    @Test
    void a_full_window_answers_how_long_until_its_oldest_grant_leaves_it() {
        var tenant = key("tenant");
        grant(List.of(tenant), List.of(2.0), 2);

        var full = grant(List.of(tenant), List.of(2.0), 1);

        var untilOldestLeaves = jdbc.queryForObject("SELECT extract(epoch FROM min(granted_at) - clock_timestamp()) + ? "
                + "FROM pacing_grants WHERE pacing_key = ?", Double.class, WINDOW_SECONDS, tenant);
        assertThat(full.granted()).isZero();
        assertThat(full.waitSeconds()).isPositive().isLessThanOrEqualTo(WINDOW_SECONDS)
                .isBetween(untilOldestLeaves, untilOldestLeaves + 0.5);
    }

    @Test
    void a_full_tenant_takes_nothing_from_the_provider_account_it_shares() {
        var account = key("account");
        var tenant = key("tenant");
        grant(List.of(tenant), List.of(1.0), 1);

        var refused = grant(List.of(account, tenant), List.of(250.0, 1.0), 1);

        assertThat(refused.granted()).isZero();
        assertThat(grants(account)).as("the account's window is untouched by a refused grant").isZero();
        assertThat(grant(List.of(account, key("tenant")), List.of(250.0, 1.0), 1).granted()).isEqualTo(1);
        assertThat(grants(account)).isEqualTo(1);
    }

    /** Keys sort as the callers sort them: the lock order. */
    private static String key(String kind) {
        return kind + ":" + UUID.randomUUID();
    }

    private Answer grant(List<String> keys, List<Double> rates, int wanted) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT granted, wait_seconds FROM pacing_grant(?, ?, ?, ?)");
            statement.setArray(1, connection.createArrayOf("text", keys.toArray()));
            statement.setArray(2, connection.createArrayOf("float8", rates.toArray()));
            statement.setDouble(3, WINDOW_SECONDS);
            statement.setInt(4, wanted);
            return statement;
        }, (rs, row) -> new Answer(rs.getInt(1), rs.getDouble(2))).getFirst();
    }

    private int grants(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM pacing_grants WHERE pacing_key = ?", Integer.class, key);
    }
}
