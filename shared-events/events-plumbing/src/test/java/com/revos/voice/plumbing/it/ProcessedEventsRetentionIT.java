package com.revos.voice.plumbing.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.plumbing.consumer.ProcessedEvents;
import com.revos.voice.plumbing.consumer.ProcessedEventsCleanup;
import com.revos.voice.testsupport.RealInfrastructureInitializer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consumer group remembers an applied event for the retention (14 days by default), so that a redelivery is still
 * refused; older claims are deleted, however many there are (in batches), and only those.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class ProcessedEventsRetentionIT {

    private static final String GROUP = "plumbing-it-retention";

    @Autowired
    ProcessedEvents processed;
    @Autowired
    ProcessedEventsCleanup cleanup;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void claims_older_than_the_retention_are_forgotten_in_batches_and_a_younger_one_still_refuses_its_redelivery() {
        var young = UUID.randomUUID();
        var old = UUID.randomUUID();
        assertThat(claim(young)).isTrue();
        assertThat(claim(old)).isTrue();
        jdbc.update("UPDATE processed_events SET processed_at = now() - interval '15 days' WHERE event_id = ?", old);
        jdbc.update("UPDATE processed_events SET processed_at = now() - interval '13 days' WHERE event_id = ?", young);
        // more than two of the sweep's batches, so that it must go round until none is left
        jdbc.update("INSERT INTO processed_events (consumer_group, event_id, processed_at) "
                + "SELECT ?, gen_random_uuid(), now() - interval '20 days' FROM generate_series(1, 12001)", GROUP);

        cleanup.forgetOldClaims();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE consumer_group = ? "
                + "AND processed_at < now() - interval '14 days'", Integer.class, GROUP)).isZero();
        assertThat(claim(young)).as("a redelivery within the retention is still refused").isFalse();
        assertThat(claim(old)).as("a claim past the retention is forgotten").isTrue();
    }

    private boolean claim(UUID eventId) {
        return Boolean.TRUE.equals(transactions.execute(status -> processed.claim(GROUP, eventId)));
    }
}
