package com.revos.voice.optimizer.campaign.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.optimizer.Decisions;
import com.revos.voice.optimizer.campaign.application.DecisionLog.Confirmation;
import com.revos.voice.optimizer.campaign.model.Decision;
import com.revos.voice.optimizer.it.OptimizerIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replay safety at the database: the same decision recorded twice leaves one trail and one outbox row, and the
 * dashboard's counters (which the stop-loss alert reads) count it once.
 */
@OptimizerIntegrationTest
class DecisionLogIT {

    @Autowired
    JdbcDecisionLog log;
    @Autowired
    JdbcTemplate jdbc;

    private final UUID tenant = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();

    @Test
    void recording_the_same_decision_again_inserts_and_publishes_nothing() {
        var pause = aStopLossPause();

        log.record(pause.decision(), UUID.randomUUID(), pause.hourlyConnectRates());
        log.record(pause.decision(), UUID.randomUUID(), pause.hourlyConnectRates());

        assertThat(count("kernel_events")).isEqualTo(1);
        assertThat(count("kernel_decisions")).isEqualTo(1);
        assertThat(count("kernel_actions")).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);
    }

    @Test
    void a_replayed_decision_is_counted_once() {
        var meters = new SimpleMeterRegistry();
        var metered = new MeteredDecisionLog(log, meters);
        var pause = aStopLossPause();

        var first = metered.record(pause.decision(), UUID.randomUUID(), pause.hourlyConnectRates());
        var replay = metered.record(pause.decision(), UUID.randomUUID(), pause.hourlyConnectRates());

        assertThat(first).isTrue();
        assertThat(replay).isFalse();
        assertThat(meters.get("revos.optimizer.decisions").tags("rule", "stop_loss", "action", "pause").counter()
                .count()).isEqualTo(1);
        assertThat(count("kernel_decisions")).isEqualTo(1);
    }

    @Test
    void a_repeated_confirmation_is_counted_once_and_keeps_the_first() {
        var meters = new SimpleMeterRegistry();
        var metered = new MeteredDecisionLog(log, meters);
        var pause = aStopLossPause();
        metered.record(pause.decision(), UUID.randomUUID(), pause.hourlyConnectRates());
        var paused = confirmation(pause.decision());

        var first = metered.confirm(paused);
        var again = metered.confirm(confirmation(pause.decision()));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(meters.get("revos.optimizer.confirmations").tag("type", "campaign.paused").counter().count())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT confirmation_event_id FROM kernel_actions WHERE campaign_id = ?",
                UUID.class, campaign)).isEqualTo(paused.eventId());
    }

    @Test
    void a_confirmation_of_a_command_never_issued_is_not_counted() {
        var meters = new SimpleMeterRegistry();

        var confirmed = new MeteredDecisionLog(log, meters).confirm(new Confirmation(UUID.randomUUID(), tenant,
                campaign, "campaign.paused", UUID.randomUUID(), Instant.now()));

        assertThat(confirmed).isFalse();
        assertThat(meters.find("revos.optimizer.confirmations").counter()).isNull();
    }

    /** The dialer's campaign.paused event carrying the pause command's id, as it arrives after the pause. */
    private Confirmation confirmation(Decision decision) {
        return new Confirmation(decision.messageId(), tenant, campaign, "campaign.paused", UUID.randomUUID(),
                Instant.now());
    }

    private Decisions.Fired aStopLossPause() {
        return Decisions.aStopLossPause(tenant, campaign);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE campaign_id = ?", Long.class, campaign);
    }
}
