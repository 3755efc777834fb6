package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.revos.voice.dialer.call.application.ProviderReports;
import com.revos.voice.dialer.call.application.ProviderReports.Delivered;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.ProviderReport.CallReported;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports of one poll are applied together, in one transaction (ProviderReports.applyAll): each is still judged
 * on the call as the reports before it in the batch left it. Handed a batch directly, so that what shares a batch is
 * certain.
 */
class ReportBatchesIT extends DialerIntegrationTest {

    @Autowired
    ProviderReports reports;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void two_reports_of_one_call_in_one_batch_settle_it_once_by_the_first() {
        var p = provision();
        var call = initiatedCall(p);

        applyAll(completion(p, call, CallOutcome.CONNECTED, 42, "0.10"),
                completion(p, call, CallOutcome.VOICEMAIL, 7, "0.02"));

        assertThat(jdbc.queryForMap("SELECT state, outcome FROM calls WHERE id = ?::uuid",
                call.get("id").asText())).containsEntry("state", "completed").containsEntry("outcome", "connected");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_ledger WHERE call_id = ?::uuid", Integer.class,
                call.get("id").asText())).isEqualTo(1);
    }

    @Test
    void a_report_after_an_echo_matched_one_of_the_same_conversation_is_matched_by_the_id_the_first_recorded() {
        var p = provision();
        var call = initiatedCall(p);
        var callId = call.get("id").asText();
        // the provider's answer never told us its conversation id: only the echoed call id ties the first report
        jdbc.update("UPDATE calls SET provider_call_id = NULL WHERE id = ?::uuid", callId);
        var conversation = "conv_learned_late_" + UUID.randomUUID();
        var echoed = report(conversation, call.get("to_number").asText(), callId, CallOutcome.CONNECTED, 30, "0.05");
        var bare = report(conversation, null, null, CallOutcome.NO_ANSWER, 0, "0");

        var batch = applyAll(echoed, bare);

        assertThat(jdbc.queryForMap("SELECT state, outcome, provider_call_id FROM calls WHERE id = ?::uuid", callId))
                .containsEntry("state", "completed").containsEntry("outcome", "connected")
                .containsEntry("provider_call_id", conversation);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM unmatched_reports WHERE event_id = ?", Integer.class,
                batch.get(1).eventId())).isZero();
    }

    @Test
    void reports_of_several_calls_known_only_by_their_echoed_ids_each_settle_their_own_call_once() {
        var p = provision();
        var first = initiatedCall(p);
        var second = initiatedCall(p);
        // neither provider answer told us a conversation id: the echoed call ids are all the batch has
        jdbc.update("UPDATE calls SET provider_call_id = NULL WHERE id IN (?::uuid, ?::uuid)",
                first.get("id").asText(), second.get("id").asText());

        applyAll(echoedOnly(first, CallOutcome.CONNECTED, 30, "0.05"), echoedOnly(second, CallOutcome.BUSY, 0, "0"),
                echoedOnly(first, CallOutcome.VOICEMAIL, 5, "0.01"));

        assertThat(jdbc.queryForMap("SELECT state, outcome FROM calls WHERE id = ?::uuid", first.get("id").asText()))
                .containsEntry("state", "completed").containsEntry("outcome", "connected");
        assertThat(jdbc.queryForObject("SELECT outcome FROM calls WHERE id = ?::uuid", String.class,
                second.get("id").asText())).isEqualTo("busy");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_ledger WHERE call_id = ?::uuid", Integer.class,
                first.get("id").asText())).as("the first call billed once, by its first report").isEqualTo(1);
    }

    @Test
    void reports_that_match_no_call_are_all_kept_unmatched_once_each() {
        var strangers = List.of(report("conv_stranger_" + UUID.randomUUID(), nextNumber(), null,
                        CallOutcome.CONNECTED, 3, "0.01"),
                report("conv_stranger_" + UUID.randomUUID(), nextNumber(), UUID.randomUUID().toString(),
                        CallOutcome.BUSY, 0, "0"));

        var batch = applyAll(strangers.toArray(CallReported[]::new));
        transactions.executeWithoutResult(status -> reports.applyAll(batch)); // the same batch delivered again

        assertThat(jdbc.queryForObject("SELECT count(*) FROM unmatched_reports WHERE event_id IN (?, ?)",
                Integer.class, batch.get(0).eventId(), batch.get(1).eventId())).isEqualTo(2);
    }

    @Test
    void a_report_that_matches_no_call_is_kept_as_it_came_once_though_its_batch_carries_it_twice() {
        var conversation = "conv_stranger_" + UUID.randomUUID();
        var stranger = new Delivered(UUID.randomUUID(), report(conversation, nextNumber(), null,
                CallOutcome.NO_ANSWER, 0, "0"));

        transactions.executeWithoutResult(status -> reports.applyAll(List.of(stranger, stranger)));

        var kept = jdbc.queryForList("SELECT provider, kind, provider_call_id, reason, "
                + "report->>'provider_call_id' AS reported_call_id, report->>'outcome' AS outcome "
                + "FROM unmatched_reports WHERE event_id = ?", stranger.eventId());
        assertThat(kept).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("provider", "elevenlabs").containsEntry("kind", "call_initiation_failure")
                .containsEntry("provider_call_id", conversation).containsEntry("reported_call_id", conversation)
                .containsEntry("outcome", "no_answer")
                .hasEntrySatisfying("reason", reason -> assertThat((String) reason).contains("no attempt of ours")));
    }

    private JsonNode initiatedCall(Provisioned p) {
        var call = post(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(),
                "to_number", nextNumber())).body();
        var id = call.get("id").asText();
        await().atMost(PATIENCE).until(() -> "initiated".equals(get(p, "/calls/" + id).body().get("state").asText()));
        return get(p, "/calls/" + id).body();
    }

    /** A report of its own conversation for {@code call}, tied to it only by the call id it echoes. */
    private CallReported echoedOnly(JsonNode call, CallOutcome outcome, int seconds, String cost) {
        return report("conv_echoed_" + UUID.randomUUID(), call.get("to_number").asText(), call.get("id").asText(),
                outcome, seconds, cost);
    }

    private List<Delivered> applyAll(CallReported... batch) {
        var delivered = Arrays.stream(batch).map(report -> new Delivered(UUID.randomUUID(), report))
                .toList();
        transactions.executeWithoutResult(status -> reports.applyAll(delivered));
        return delivered;
    }
}
