package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.events.EventCatalog;
import com.revos.voice.events.EventJson;
import com.revos.voice.events.KernelCommand;
import com.revos.voice.optimizer.campaign.application.DecisionLog;
import com.revos.voice.optimizer.campaign.model.Decision;
import com.revos.voice.optimizer.campaign.model.DecisionIds;
import com.revos.voice.optimizer.campaign.model.Evidence;
import com.revos.voice.optimizer.campaign.model.Metrics;
import com.revos.voice.optimizer.campaign.model.SequentialTest;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail in PostgreSQL, and the outbox: observation, decision, action and the outbox row commit in one
 * transaction. The decision's primary key is its deterministic id, so a replayed decision inserts nothing and
 * publishes nothing.
 */
final class JdbcDecisionLog implements DecisionLog {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OutboxWriter outbox;

    JdbcDecisionLog(JdbcTemplate jdbc, TransactionTemplate transactions, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
    }

    @Override
    public boolean record(Decision decision, UUID triggerEventId, double[] hourlyConnectRates) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            var observationId = DecisionIds.observation(decision.decisionId());
            var at = Timestamp.from(decision.decidedAt());
            jdbc.update("""
                    INSERT INTO kernel_events (event_id, tenant_id, campaign_id, trigger_event_id, observed_at, metrics)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING
                    """, observationId, decision.tenantId(), decision.campaignId(), triggerEventId, at,
                    Json.write(snapshot(decision.metrics(), hourlyConnectRates)));
            var inserted = jdbc.update("""
                    INSERT INTO kernel_decisions (decision_id, event_id, tenant_id, campaign_id, rule, episode,
                                                  metric_value, threshold, decision, detail, decided_at, evidence,
                                                  explanation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING
                    """, decision.decisionId(), observationId, decision.tenantId(), decision.campaignId(),
                    decision.rule().wireName(), decision.episode(), decision.value(), decision.threshold(),
                    decision.action().name(), Json.write(decision.action()), at,
                    Json.write(evidence(decision.evidence())), decision.explanation());
            if (inserted == 0) {
                return false;
            }
            decision.message().ifPresent(message -> {
                jdbc.update("""
                        INSERT INTO kernel_actions (action_id, decision_id, tenant_id, campaign_id, kind, type,
                                                    payload, issued_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                        """, decision.messageId(), decision.decisionId(), decision.tenantId(), decision.campaignId(),
                        message instanceof KernelCommand ? "command" : "recommendation",
                        EventCatalog.of(message).name(),
                        new String(EventJson.write(message), StandardCharsets.UTF_8), at);
                outbox.record(message, DecisionIds.outboxEvent(decision.decisionId()));
            });
            return true;
        }));
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            return jdbc.update("""
                    UPDATE kernel_actions SET confirmed_at = ?, confirmation_type = ?, confirmation_event_id = ?
                    WHERE action_id = ? AND confirmed_at IS NULL
                    """, Timestamp.from(confirmation.confirmedAt()), confirmation.eventType(),
                    confirmation.eventId(), confirmation.commandId()) == 1;
        }));
    }

    /** The sequential test's evidence as the trail shows it (ADR 0012). */
    static Map<String, Object> evidence(Evidence evidence) {
        var map = new LinkedHashMap<String, Object>();
        map.put("test", "multi-chart CUSUM of the log-likelihood ratio");
        map.put("direction", evidence.above() ? "above" : "below");
        map.put("statistic", evidence.statistic());
        map.put("bound", evidence.bound());
        map.put("likelihood_ratio", evidence.likelihoodRatio());
        map.put("sample", evidence.sample());
        map.put("events", evidence.events());
        map.put("estimate", evidence.estimate());
        map.put("confidence_bound", evidence.confidenceBound());
        map.put("alternative", evidence.alternative());
        map.put("threshold", evidence.threshold());
        map.put("error_rate", evidence.errorRate());
        map.put("error_rate_horizon_calls", SequentialTest.HORIZON_CALLS);
        return map;
    }

    private static Map<String, Object> snapshot(Metrics metrics, double[] hourly) {
        var snapshot = new LinkedHashMap<String, Object>();
        snapshot.put("attempted", metrics.attempted());
        snapshot.put("failed", metrics.failed());
        snapshot.put("connected", metrics.connected());
        snapshot.put("qualified", metrics.qualified());
        snapshot.put("abandoned", metrics.abandoned());
        snapshot.put("failure_rate", metrics.failureRate());
        snapshot.put("connect_rate", metrics.connectRate());
        snapshot.put("qualification_rate", metrics.qualificationRate());
        snapshot.put("efficiency", metrics.efficiency());
        snapshot.put("abandonment_rate", metrics.abandonmentRate());
        var hours = new LinkedHashMap<String, Double>();
        for (int hour = 0; hour < hourly.length; hour++) {
            if (!Double.isNaN(hourly[hour])) {
                hours.put(Integer.toString(hour), hourly[hour]);
            }
        }
        snapshot.put("hourly_connect_rates", hours);
        return snapshot;
    }
}
