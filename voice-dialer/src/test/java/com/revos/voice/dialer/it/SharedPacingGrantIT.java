package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.dialer.DialerProperties;
import com.revos.voice.dialer.pacing.application.CallPacing;
import com.revos.voice.dialer.pacing.application.SharedStart;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared pacing log's one statement (ADR 0027), on the real database: {@code pacing_grant} grants what every
 * key's window has room for, all or nothing across keys, and when a window is full says how long until its oldest
 * grant leaves it. A request held back past the guard after its grant is granted afresh before it is written, and
 * one written late is logged again where it left (ADR 0010): times are passed, not waited for.
 */
class SharedPacingGrantIT extends DialerIntegrationTest {

    private static final double WINDOW_SECONDS = 1.02;
    /** revos.dialer.dispatch.shared-pacing-guard in {@link DialerIntegrationTest}. */
    private static final long GUARD_NANOS = Duration.ofMillis(300).toNanos();

    @Autowired
    CallPacing pacing;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DialerProperties properties;

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

    @Test
    void a_request_leaving_within_the_guard_of_its_grant_is_counted_once() throws Exception {
        var tenant = UUID.randomUUID();
        var start = granted(tenant);
        var batch = grants("tenant:" + tenant);

        var now = System.nanoTime();
        start.beforeWrite(now);
        start.left(now);

        assertThat(grants("tenant:" + tenant)).isEqualTo(batch);
    }

    @Test
    void a_request_held_back_past_the_guard_takes_a_fresh_grant_before_it_is_written() throws Exception {
        var tenant = UUID.randomUUID();
        var start = granted(tenant);
        var batch = grants("tenant:" + tenant);
        var before = late("before-write");

        start.beforeWrite(System.nanoTime() + 2 * GUARD_NANOS);
        start.left(System.nanoTime());

        assertThat(grants("tenant:" + tenant)).as("the stale batch and a fresh one").isEqualTo(2 * batch);
        assertThat(late("before-write")).isEqualTo(before + 1);
    }

    @Test
    void a_request_written_late_is_logged_again_where_it_left_for_every_key() throws Exception {
        var tenant = UUID.randomUUID();
        var start = granted(tenant);
        var batch = grants("tenant:" + tenant);

        start.beforeWrite(System.nanoTime());
        start.left(System.nanoTime() + 2 * GUARD_NANOS);

        var stamps = jdbc.queryForList("SELECT granted_at FROM pacing_grants WHERE pacing_key = ? ORDER BY granted_at",
                java.sql.Timestamp.class, "tenant:" + tenant);
        assertThat(stamps).as("the batch its grant came from, and its departure").hasSize(batch + 1);
        assertThat(stamps.getLast()).isAfter(stamps.getFirst());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pacing_grants WHERE pacing_key = ? AND granted_at = ?",
                Integer.class, "account:" + properties.providerAccount().name(), stamps.getLast()))
                .as("the provider account's window counts the departure too").isEqualTo(1);
    }

    @Test
    void a_start_refused_by_its_fenced_move_is_not_a_start() throws Exception {
        assertThat(pacing.awaitSharedStart(UUID.randomUUID(), () -> false)).isEmpty();
    }

    private SharedStart granted(UUID tenant) throws InterruptedException {
        return pacing.awaitSharedStart(tenant, () -> true).orElseThrow();
    }

    private double late(String step) {
        return meters.counter("revos.dialer.pacing.shared.late", "step", step).count();
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
