package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.QuarantineEvent.WebhookQuarantined;
import com.revos.voice.events.Topics;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads.Ids;
import com.revos.voice.webhook.intake.fixtures.TwilioCallbacks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IngestServiceContext
class TwilioStatusIT {

    private static PublishedEvents published;

    @LocalServerPort
    int port;
    private IngestClient client;

    @BeforeAll
    static void openProbe() {
        published = new PublishedEvents();
    }

    @AfterAll
    static void closeProbe() {
        published.close();
    }

    @BeforeEach
    void connect() {
        client = new IngestClient(port);
    }

    private static List<EventEnvelope> about(String marker) {
        return published.about(marker);
    }

    private static CallCompleted theOneOutcomeOf(String callSid) {
        return (CallCompleted) published.theOneEventAbout(callSid).event();
    }

    @Test
    void a_completed_call_is_published_tied_to_our_call_by_the_ids_in_its_callback_url() {
        var ids = Ids.random();
        var sid = TwilioCallbacks.callSid("done");

        var response = client.twilioStatus(TwilioCallbacks.query(ids), TwilioCallbacks.status(sid, "completed", "human"));

        assertThat(response.statusCode()).isEqualTo(200);
        var event = theOneOutcomeOf(sid);
        assertThat(event.outcome()).isEqualTo(CallOutcome.CONNECTED);
        assertThat(event.callId()).isEqualTo(ids.callId());
        assertThat(event.tenantId()).isEqualTo(ids.tenantId());
        assertThat(event.durationSecs()).isEqualTo(42);
        assertThat(event.sources()).containsExactly("twilio.status_callback");
    }

    @Test
    void a_call_picked_up_by_an_answering_machine_is_voicemail() {
        var sid = TwilioCallbacks.callSid("vm");

        var response = client.twilioStatus(TwilioCallbacks.query(Ids.random()),
                TwilioCallbacks.status(sid, "completed", "machine_end_beep"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(theOneOutcomeOf(sid).outcome()).isEqualTo(CallOutcome.VOICEMAIL);
    }

    @Test
    void a_repeated_busy_callback_gets_the_same_event_id() {
        var sid = TwilioCallbacks.callSid("busy");
        var form = TwilioCallbacks.status(sid, "busy", null);
        var query = TwilioCallbacks.query(Ids.random());

        assertThat(client.twilioStatus(query, form).statusCode()).isEqualTo(200);
        assertThat(client.twilioStatus(query, form).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> about(sid).size() == 2);
        assertThat(about(sid).stream().map(EventEnvelope::id).distinct()).hasSize(1);
        assertThat(((CallCompleted) about(sid).getFirst().event()).outcome()).isEqualTo(CallOutcome.BUSY);
    }

    @Test
    void a_ringing_callback_is_acknowledged_without_an_event() {
        var sid = TwilioCallbacks.callSid("ring");

        assertThat(client.twilioStatus(null, TwilioCallbacks.status(sid, "ringing", null)).statusCode())
                .isEqualTo(200);

        assertThat(TopicScan.countContaining(sid, Topics.CALLS, Topics.QUARANTINE)).isZero();
    }

    @Test
    void a_signed_callback_with_a_status_we_do_not_know_goes_to_the_quarantine() {
        var sid = TwilioCallbacks.callSid("odd");

        assertThat(client.twilioStatus(null, TwilioCallbacks.status(sid, "teleported", null)).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> !about(sid).isEmpty());
        var envelope = about(sid).getFirst();
        assertThat(envelope.topic()).isEqualTo(Topics.QUARANTINE);
        assertThat(((WebhookQuarantined) envelope.event()).reason()).isEqualTo("unknown CallStatus");
        assertThat(((WebhookQuarantined) envelope.event()).provider()).isEqualTo("twilio");
    }
}
