package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.events.kafka.KafkaEnvelopes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallResult;
import com.revos.voice.events.CallTiming;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.MalformedEventException;
import com.revos.voice.optimizer.Calls;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CallOutcomeReaderTest {

    @Test
    void reads_what_the_rules_need_from_a_real_call_completed_record() {
        var call = Calls.outcome(UUID.randomUUID(), UUID.randomUUID(), CallOutcome.CONNECTED, true, 18);
        var envelope = EventEnvelope.wrap(call, "/revos/test", UUID.randomUUID(),
                Instant.parse("2026-11-23T18:00:00Z"));
        var record = KafkaEnvelopes.record(envelope);

        var attributes = CallOutcomeReader.attributes(record.headers());
        var read = CallOutcomeReader.read(record.value()).orElseThrow();

        assertThat(attributes).isEqualTo(
                new CallOutcomeReader.Attributes(envelope.id(), CallOutcomeReader.CALL_COMPLETED, envelope.time()));
        assertThat(read.callId()).isEqualTo(call.callId());
        assertThat(read.campaignId()).isEqualTo(call.campaignId());
        assertThat(read.tenantId()).isEqualTo(call.tenantId());
        assertThat(read.outcome()).isEqualTo(CallOutcome.CONNECTED);
        assertThat(read.result().qualified()).isTrue();
        assertThat(read.localHour()).isEqualTo(18);
    }

    @Test
    void an_outcome_of_no_attempt_of_ours_from_before_the_dialer_owned_outcomes_is_not_counted() {
        var legacy = """
                {"provider":"elevenlabs","provider_call_id":"conv_1","outcome":"failed","matched":false}"""
                .getBytes(StandardCharsets.UTF_8);
        assertThat(CallOutcomeReader.read(legacy)).isEmpty();
    }

    @Test
    void busy_no_answer_and_provider_refused_outcomes_of_the_dialer_are_read_with_their_reason() {
        var tenant = UUID.randomUUID();
        var campaign = UUID.randomUUID();
        var base = Calls.outcome(tenant, campaign, CallOutcome.FAILED, false, 9);
        // as the dialer publishes a call the provider refused (ADR 0009): outcome failed, not_placed_reason set
        var refused = new CallCompleted(base.dialed(), new CallCompleted.ProviderCall("elevenlabs", null, "422"),
                new CallTiming(base.timing().startedAt(), 0), CallOutcome.FAILED,
                new CallResult(false, null, "provider refused the call", Map.of(), null),
                new CallCompleted.Billing(0, BigDecimal.ZERO, null),
                new CallCompleted.Provenance(List.of("voice-dialer"), "provider refused the call"));
        for (var call : List.of(refused, Calls.outcome(tenant, campaign, CallOutcome.BUSY, false, 10),
                Calls.outcome(tenant, campaign, CallOutcome.NO_ANSWER, false, 11))) {
            var record = KafkaEnvelopes.record(EventEnvelope.wrap(call, "/revos/voice-dialer"));
            var read = CallOutcomeReader.read(record.value()).orElseThrow();
            assertThat(read.outcome()).isEqualTo(call.outcome());
            assertThat(read.localHour()).isEqualTo(call.localHour());
            assertThat(read.providerCall().notPlacedReason()).isEqualTo(call.providerCall().notPlacedReason());
            assertThat(read.campaignId()).isEqualTo(campaign);
        }
    }

    @Test
    void ids_are_read_as_the_uuid_parser_reads_them_and_broken_ones_are_malformed() {
        var call = UUID.fromString("0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9");
        var tenant = UUID.randomUUID();
        var json = "{\"call_id\":\"0A1B2C3D-4E5F-6071-8293-a4b5c6d7e8f9\",\"tenant_id\":\"" + tenant
                + "\",\"campaign_id\":\"1-2-3-4-5\",\"provider\":\"twilio\",\"outcome\":\"voicemail\"}";

        var read = CallOutcomeReader.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(read.callId()).isEqualTo(call);
        assertThat(read.tenantId()).isEqualTo(tenant);
        assertThat(read.campaignId()).as("the short form UUID.fromString accepts").isEqualTo(UUID.fromString("1-2-3-4-5"));
        assertThat(read.outcome()).isEqualTo(CallOutcome.VOICEMAIL);
        var broken = json.replace("a4b5c6d7e8f9", "a4b5c6d7e8fg");
        assertThatThrownBy(() -> CallOutcomeReader.read(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("UUID");
    }

    @Test
    void records_that_are_not_our_cloud_events_are_recognised() {
        assertThat(CallOutcomeReader.attributes(new RecordHeaders())).isNull();
        var headers = new RecordHeaders().add("ce_id", "not-a-uuid".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", CallOutcomeReader.CALL_COMPLETED.getBytes(StandardCharsets.UTF_8));
        assertThat(CallOutcomeReader.attributes(headers)).isNull();
        var unknownOutcome = "{\"outcome\":\"exploded\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CallOutcomeReader.read(unknownOutcome)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CallOutcomeReader.read("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void event_times_read_directly_agree_with_the_iso_parser() {
        for (var text : List.of("2026-11-23T18:00:00Z", "2026-11-23T18:00:00.1Z", "2026-11-23T18:00:00.123Z",
                "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "2026-11-23T19:00:00+01:00",
                "2026-11-23T18:00:00.5-05:30", "2026-11-23T18:00:00.Z")) {
            assertThat(CallOutcomeReader.time(text)).as(text)
                    .isEqualTo(java.time.OffsetDateTime.parse(text).toInstant());
        }
        for (var text : List.of("2026-11-23T24:00:00Z", "2026-13-23T18:00:00Z",
                "2026-11-23T18:0a:00Z")) {
            assertThatThrownBy(() -> CallOutcomeReader.time(text)).as(text)
                    .isInstanceOf(java.time.DateTimeException.class);
        }
    }

    @Test
    void what_tells_an_abandoned_call_is_read_and_counted_by_the_dialers_definition() {
        var abandoned = Calls.abandoned(UUID.randomUUID(), UUID.randomUUID());
        var read = CallOutcomeReader.read(KafkaEnvelopes.record(EventEnvelope.wrap(abandoned, "/revos/test")).value())
                .orElseThrow();
        var healthy = CallOutcomeReader.read(KafkaEnvelopes.record(EventEnvelope.wrap(
                Calls.outcome(UUID.randomUUID(), UUID.randomUUID(), CallOutcome.CONNECTED, true, 12), "/revos/test"))
                .value()).orElseThrow();

        assertThat(read.result().terminationReason()).isEqualTo("agent timeout");
        assertThat(read.result().analysis()).containsExactly(Map.entry("agent_reply_secs", 3.5));
        assertThat(com.revos.voice.optimizer.campaign.model.Attempt.of(read, Instant.EPOCH).abandoned()).isTrue();
        assertThat(com.revos.voice.optimizer.campaign.model.Attempt.of(healthy, Instant.EPOCH).abandoned()).isFalse();
    }
}
