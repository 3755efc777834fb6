package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.EventEnvelope;
import com.revos.voice.events.ProviderReport.CallReported;
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

    private static CallReported theOneReportOf(String callSid) {
        return (CallReported) published.theOneEventAbout(callSid).event();
    }

    @Test
    void a_completed_call_is_reported_by_twilio_under_its_call_sid_on_the_provider_reports_topic_only() {
        var ids = Ids.random();
        var sid = TwilioCallbacks.callSid("done");

        var response = client.twilioStatus(TwilioCallbacks.query(ids), TwilioCallbacks.status(sid, "completed", "human"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TopicScan.countContaining(sid, Topics.PROVIDER_REPORTS))
                .as("already acknowledged by the broker when the 200 left").isEqualTo(1);
        assertThat(TopicScan.countContaining(sid, Topics.CALLS)).as("call events are the dialer's alone").isZero();
        var envelope = published.theOneEventAbout(sid);
        assertThat(envelope.type()).isEqualTo("revos.voice.provider.call_reported.v1");
        assertThat(envelope.key()).isEqualTo(sid);
        assertThat(envelope.tenantId()).isNull();
        var report = (CallReported) envelope.event();
        assertThat(report.provider()).isEqualTo("twilio");
        assertThat(report.providerCallId()).isEqualTo(sid);
        assertThat(report.callSid()).isEqualTo(sid);
        assertThat(report.outcome()).isEqualTo(CallOutcome.CONNECTED);
        assertThat(report.finalReport()).isTrue();
        assertThat(report.timing().durationSecs()).isEqualTo(42);
        assertThat(report.correlation()).as("the callback URL's ids, as an unverified hint")
                .containsEntry("call_id", ids.callId().toString())
                .containsEntry("tenant_id", ids.tenantId().toString());
    }

    @Test
    void a_malformed_id_in_the_callback_url_is_carried_as_a_hint_and_the_status_is_still_reported() {
        var sid = TwilioCallbacks.callSid("hint");

        var response = client.twilioStatus("call_id=call-42&tenant_id=acme",
                TwilioCallbacks.status(sid, "busy", null));

        assertThat(response.statusCode()).isEqualTo(200);
        var report = theOneReportOf(sid);
        assertThat(report.outcome()).isEqualTo(CallOutcome.BUSY);
        assertThat(report.correlation()).containsEntry("call_id", "call-42").containsEntry("tenant_id", "acme");
        assertThat(TopicScan.countContaining(sid, Topics.QUARANTINE, Topics.CALLS)).isZero();
    }

    @Test
    void a_call_picked_up_by_an_answering_machine_is_voicemail() {
        var sid = TwilioCallbacks.callSid("vm");

        var response = client.twilioStatus(TwilioCallbacks.query(Ids.random()),
                TwilioCallbacks.status(sid, "completed", "machine_end_beep"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(theOneReportOf(sid).outcome()).isEqualTo(CallOutcome.VOICEMAIL);
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
        assertThat(((CallReported) about(sid).getFirst().event()).outcome()).isEqualTo(CallOutcome.BUSY);
    }

    @Test
    void a_ringing_callback_is_acknowledged_without_a_report() {
        var sid = TwilioCallbacks.callSid("ring");

        assertThat(client.twilioStatus(null, TwilioCallbacks.status(sid, "ringing", null)).statusCode())
                .isEqualTo(200);

        assertThat(TopicScan.countContaining(sid, Topics.PROVIDER_REPORTS, Topics.CALLS, Topics.QUARANTINE)).isZero();
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
