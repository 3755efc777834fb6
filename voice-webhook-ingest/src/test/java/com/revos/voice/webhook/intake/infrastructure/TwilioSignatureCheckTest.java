package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.webhook.intake.fixtures.TwilioCallbacks;
import org.junit.jupiter.api.Test;

class TwilioSignatureCheckTest {

    private final TwilioSignatureCheck check = new TwilioSignatureCheck("token", "https://hooks.revos.example/");
    private final java.util.Map<String, String> form = TwilioCallbacks.status("CA1", "completed", null);

    @Test
    void a_callback_signed_over_the_public_url_twilio_called_is_valid() {
        var url = "https://hooks.revos.example/webhooks/twilio/status?call_id=1";
        assertThat(check.valid("/webhooks/twilio/status", "call_id=1", form, TwilioCallbacks.sign("token", url, form)))
                .isTrue();
    }

    @Test
    void a_signature_over_the_internal_url_the_gateway_rewrote_to_is_not() {
        var internal = "http://voice-webhook-ingest:8083/webhooks/twilio/status";
        assertThat(check.valid("/webhooks/twilio/status", null, form, TwilioCallbacks.sign("token", internal, form)))
                .isFalse();
    }

    @Test
    void a_changed_parameter_a_wrong_token_or_no_signature_is_refused() {
        var url = "https://hooks.revos.example/webhooks/twilio/status";
        var signature = TwilioCallbacks.sign("token", url, form);
        var changed = new java.util.HashMap<>(form);
        changed.put("CallStatus", "busy");
        assertThat(check.valid("/webhooks/twilio/status", null, changed, signature)).isFalse();
        assertThat(check.valid("/webhooks/twilio/status", null, form, TwilioCallbacks.sign("other", url, form)))
                .isFalse();
        assertThat(check.valid("/webhooks/twilio/status", null, form, null)).isFalse();
        assertThat(check.valid("/webhooks/twilio/status", null, form, "x".repeat(1_000))).isFalse();
    }
}
