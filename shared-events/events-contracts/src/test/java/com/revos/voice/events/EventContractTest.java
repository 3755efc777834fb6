package com.revos.voice.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractTest {

    static Stream<VoiceEvent> everyEventType() {
        return EventFixtures.oneOfEachType().stream();
    }

    @Test
    void every_registered_event_type_has_a_fixture_and_every_record_is_registered() {
        var fixtureTypes = new HashSet<Class<?>>();
        everyEventType().forEach(event -> fixtureTypes.add(event.getClass()));
        var registered = new HashSet<Class<?>>();
        EventCatalog.ALL.forEach(type -> registered.add(type.recordType()));
        assertThat(fixtureTypes).isEqualTo(registered);
        assertThat(EventCatalog.ALL).allSatisfy(type ->
                assertThat(type.name()).matches("revos\\.voice\\.[a-z_]+\\.[a-z_]+\\.v[0-9]+"));
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void the_golden_payload_of_each_type_validates_against_its_schema_and_reads_back(VoiceEvent event)
            throws Exception {
        var type = EventCatalog.of(event);
        var golden = Path.of("src/test/resources/golden", type.name() + ".json");
        assertThat(golden).as("golden payload for %s", type.name()).exists();
        var json = Files.readAllBytes(golden);

        assertThat(EventSchemas.violations(type, json)).isEmpty();
        assertThat(EventJson.read(json, type.recordType())).isEqualTo(event);
        assertThat(EventJson.mapper().readTree(EventJson.write(event))).isEqualTo(EventJson.mapper().readTree(json));
    }

    @Test
    void a_payload_that_gained_a_field_stays_readable_by_an_older_consumer() {
        var newer = """
                {"campaign_id":"%s","tenant_id":"%s","resumed_at":"2026-11-23T18:30:00Z","resumed_by":"ops@acme"}
                """.formatted(EventFixtures.CAMPAIGN, EventFixtures.TENANT);
        var read = EventJson.read(newer.getBytes(), CampaignEvent.CampaignResumed.class);
        assertThat(read.campaignId()).isEqualTo(EventFixtures.CAMPAIGN);
    }

    @Test
    void an_older_payload_without_a_later_optional_field_stays_readable() {
        // v1 payloads written before local_hour and sources were added to call.completed
        var older = """
                {"call_id":"%s","tenant_id":"%s","provider":"elevenlabs","provider_call_id":"conv_1",
                 "outcome":"no_answer","matched":true}
                """.formatted(EventFixtures.CALL, EventFixtures.TENANT);
        var read = EventJson.read(older.getBytes(), CallEvent.CallCompleted.class);
        assertThat(read.outcome()).isEqualTo(CallOutcome.NO_ANSWER);
        assertThat(read.localHour()).isNull();
        assertThat(EventSchemas.violations(EventCatalog.of(CallEvent.CallCompleted.class), older.getBytes())).isEmpty();
    }

    @Test
    void an_initiated_and_a_failed_attempt_carry_the_contacts_local_hour_when_the_dialer_knows_it()
            throws Exception {
        // the golden payloads, written before local_hour, keep pinning the older shape; this is the newer one
        var initiated = new CallEvent.CallInitiated(new CallEvent.Dialing(EventFixtures.CALL, EventFixtures.TENANT,
                EventFixtures.CAMPAIGN, EventFixtures.CONTACT, 1, "+12125550199", 14), "conv_1", null,
                EventFixtures.AT);
        var failed = new CallEvent.CallInitiationFailed(new CallEvent.Dialing(EventFixtures.CALL,
                EventFixtures.TENANT, EventFixtures.CAMPAIGN, EventFixtures.CONTACT, 1, "+12125550199", 21),
                new CallEvent.CallInitiationFailed.Failure("refused by calling_hours:us-FL", "compliance_refused",
                        true, false), EventFixtures.AT);
        for (VoiceEvent event : new VoiceEvent[] {initiated, failed}) {
            var json = EventJson.write(event);
            assertThat(EventJson.mapper().readTree(json).path("local_hour").asInt(-1)).isBetween(14, 21);
            assertThat(EventSchemas.violations(EventCatalog.of(event), json)).isEmpty();
            assertThat(EventJson.read(json, EventCatalog.of(event).recordType())).isEqualTo(event);
        }
        var outOfRange = """
                {"call_id":"%s","tenant_id":"%s","attempt":1,"provider_call_id":"conv_1","to_number":"+12125550199",
                 "initiated_at":"2026-11-23T18:30:00Z","local_hour":"noon"}
                """.formatted(EventFixtures.CALL, EventFixtures.TENANT).getBytes();
        assertThat(EventSchemas.violations(EventCatalog.of(CallEvent.CallInitiated.class), outOfRange)).isNotEmpty();
    }

    @Test
    void a_payload_that_breaks_the_schema_is_reported() {
        var broken = """
                {"call_id":"not-a-uuid","provider":"elevenlabs","outcome":"exploded","matched":"yes"}
                """.getBytes();
        assertThat(EventSchemas.violations(EventCatalog.of(CallEvent.CallCompleted.class), broken)).isNotEmpty();
    }

    @Test
    void an_unknown_event_type_is_rejected_as_malformed() {
        var envelope = new EventEnvelope(UUID.randomUUID(), "revos.voice.nope.v9", "/x", null,
                EventFixtures.AT, null, null, "k", "{}".getBytes());
        assertThatThrownBy(envelope::event).isInstanceOf(MalformedEventException.class);
    }
}
