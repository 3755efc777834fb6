package com.revos.voice.optimizer.campaign.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.optimizer.Calls;
import com.revos.voice.optimizer.campaign.model.Attempt;
import com.revos.voice.optimizer.campaign.model.CampaignState;
import com.revos.voice.optimizer.campaign.model.Decision;
import com.revos.voice.optimizer.campaign.model.RuleBook;
import com.revos.voice.optimizer.it.OptimizerIntegrationTest;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Replay safety at the database: the same decision recorded twice leaves one trail and one outbox row. */
@OptimizerIntegrationTest
class DecisionLogIT {

    @Autowired
    JdbcDecisionLog log;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recording_the_same_decision_again_inserts_and_publishes_nothing() {
        var tenant = UUID.randomUUID();
        var campaign = UUID.randomUUID();
        var state = CampaignState.fresh(campaign);
        var decisions = new ArrayList<Decision>();
        for (int i = 0; i < 50; i++) {
            state.record(Attempt.of(Calls.outcome(tenant, campaign, CallOutcome.FAILED), Instant.now()), tenant,
                    OptimizerPolicy.DEFAULT);
            decisions.addAll(RuleBook.evaluate(state, OptimizerPolicy.DEFAULT));
        }
        var pause = decisions.getFirst();

        log.record(pause, UUID.randomUUID(), state.hourlyConnectRates());
        log.record(pause, UUID.randomUUID(), state.hourlyConnectRates());

        assertThat(count("kernel_events", campaign)).isEqualTo(1);
        assertThat(count("kernel_decisions", campaign)).isEqualTo(1);
        assertThat(count("kernel_actions", campaign)).isEqualTo(1);
        assertThat(count("outbox", campaign)).isEqualTo(1);
    }

    private long count(String table, UUID campaign) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE campaign_id = ?", Long.class, campaign);
    }
}
