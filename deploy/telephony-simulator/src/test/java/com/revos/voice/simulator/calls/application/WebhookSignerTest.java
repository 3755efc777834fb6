package com.revos.voice.simulator.calls.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signs_timestamp_dot_body_with_hmac_sha256_in_lowercase_hex() throws Exception {
        String body = "{\"type\":\"post_call_transcription\",\"data\":{}}";

        String header = new WebhookSigner("local-webhook-secret").header(1_785_000_000L, body);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("local-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(("1785000000." + body)
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(header).isEqualTo("t=1785000000,v0=" + expected);
        assertThat(expected).isLowerCase().hasSize(64);
    }
}
