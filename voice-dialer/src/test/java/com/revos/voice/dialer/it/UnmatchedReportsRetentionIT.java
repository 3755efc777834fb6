package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.dialer.call.application.ProviderReports;
import com.revos.voice.dialer.call.application.ProviderReports.Delivered;
import com.revos.voice.events.CallOutcome;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unmatched reports are kept for the retention (30 days by default) from when the dialer received them, then deleted
 * by the dialer's own schedule; a younger one stays. The sweep is run as the scheduler would run it, by its
 * registered task, so that the test also proves it is scheduled at all.
 */
class UnmatchedReportsRetentionIT extends DialerIntegrationTest {

    @Autowired
    ProviderReports reports;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationContext context;

    @Test
    void an_unmatched_report_older_than_the_retention_is_deleted_and_a_younger_one_kept() {
        var old = stranger();
        var young = stranger();
        transactions.executeWithoutResult(status -> reports.applyAll(List.of(old, young)));
        jdbc.update("UPDATE unmatched_reports SET received_at = now() - interval '31 days' WHERE event_id = ?",
                old.eventId());
        jdbc.update("UPDATE unmatched_reports SET received_at = now() - interval '29 days' WHERE event_id = ?",
                young.eventId());

        scheduledSweep().run();

        assertThat(jdbc.queryForList("SELECT event_id FROM unmatched_reports WHERE event_id IN (?, ?)", UUID.class,
                old.eventId(), young.eventId())).containsExactly(young.eventId());
    }

    /** The scheduler's own task (it names the method it runs, {@code ScheduledMethodRunnable}'s way). */
    private Runnable scheduledSweep() {
        return context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .map(task -> task.getTask().getRunnable())
                .filter(runnable -> runnable.toString().endsWith("UnmatchedReportsRetention.forgetOldReports"))
                .findFirst().orElseThrow(() -> new AssertionError("the unmatched reports' sweep is not scheduled"));
    }

    private Delivered stranger() {
        return new Delivered(UUID.randomUUID(), report("conv_stranger_" + UUID.randomUUID(), nextNumber(), null,
                CallOutcome.NO_ANSWER, 0, "0"));
    }
}
