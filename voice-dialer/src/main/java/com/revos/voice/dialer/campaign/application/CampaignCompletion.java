package com.revos.voice.dialer.campaign.infrastructure;

import com.revos.voice.events.CampaignEvent;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Completes a running campaign once no contact is waiting or in flight (CampaignCompleted, once). */
public class CampaignCompletion {

    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    CampaignCompletion(JdbcTemplate jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** In the caller's transaction. */
    public void completeIfDrained(UUID campaignId) {
        var now = clock.instant();
        var tenants = jdbc.queryForList("""
                UPDATE campaigns SET status = 'completed', finished_at = ?
                WHERE id = ? AND status = 'running'
                  AND NOT EXISTS (SELECT 1 FROM contacts WHERE campaign_id = ? AND state IN ('pending', 'in_flight'))
                RETURNING tenant_id""", UUID.class, Timestamp.from(now), campaignId, campaignId);
        if (tenants.isEmpty()) {
            return;
        }
        var counts = jdbc.queryForMap("""
                SELECT count(*) FILTER (WHERE state = 'done') AS done,
                       count(*) FILTER (WHERE state = 'exhausted') AS exhausted
                FROM contacts WHERE campaign_id = ?""", campaignId);
        outbox.record(new CampaignEvent.CampaignCompleted(campaignId, tenants.getFirst(),
                ((Number) counts.get("done")).longValue(), ((Number) counts.get("exhausted")).longValue(), now));
    }
}
