package com.revos.voice.webhook.intake.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostCallSignatureTest {

    private static final Instant NOW = Instant.parse("2026-11-23T21:40:00Z");
    private static final byte[] BODY = "{\"type\":\"post_call_transcription\",\"data\":{}}"
            .getBytes(StandardCharsets.UTF_8);
    private final PostCallSignature signature =
            new PostCallSignature(List.of("current-secret"), Duration.ofMinutes(30), Duration.ofMinutes(5));

    private static String signed(String secret, Instant at, byte[] body) {
        return PostCallSignature.header(secret, at.getEpochSecond(), body);
    }

    @Test
    void a_webhook_signed_with_the_secret_just_now_is_valid() {
        assertThat(signature.verify(signed("current-secret", NOW, BODY), BODY, NOW)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void the_header_is_hmac_sha256_hex_over_timestamp_dot_body() {
        // independent vector: printf '1700000000.{}' | openssl dgst -sha256 -hmac secret
        assertThat(PostCallSignature.header("secret", 1_700_000_000L, "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("t=1700000000,v0=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
    }

    @Test
    void a_tampered_body_does_not_match() {
        var header = signed("current-secret", NOW, BODY);
        var tampered = BODY.clone();
        tampered[10] ^= 1;
        assertThat(signature.verify(header, tampered, NOW)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void a_tampered_timestamp_does_not_match() {
        var header = signed("current-secret", NOW, BODY).replace("t=" + NOW.getEpochSecond(),
                "t=" + (NOW.getEpochSecond() - 1));
        assertThat(signature.verify(header, BODY, NOW)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void a_webhook_signed_with_another_secret_does_not_match() {
        assertThat(signature.verify(signed("someone-else", NOW, BODY), BODY, NOW)).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void during_a_rotation_both_the_new_and_the_old_secret_are_accepted_and_a_retired_one_is_not() {
        var rotating = new PostCallSignature(List.of("new-secret", "old-secret"), Duration.ofMinutes(30),
                Duration.ofMinutes(5));
        assertThat(rotating.verify(signed("new-secret", NOW, BODY), BODY, NOW)).isEqualTo(SignatureCheck.VALID);
        assertThat(rotating.verify(signed("old-secret", NOW, BODY), BODY, NOW)).isEqualTo(SignatureCheck.VALID);
        assertThat(rotating.verify(signed("retired-secret", NOW, BODY), BODY, NOW))
                .isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void a_timestamp_more_than_the_allowed_skew_in_the_future_is_refused() {
        assertThat(signature.verify(signed("current-secret", NOW.plusSeconds(5 * 60 + 1), BODY), BODY, NOW))
                .isEqualTo(SignatureCheck.FROM_THE_FUTURE);
        assertThat(signature.verify(signed("current-secret", NOW.plusSeconds(4 * 60), BODY), BODY, NOW))
                .isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void a_timestamp_older_than_thirty_minutes_is_refused_even_when_correctly_signed() {
        assertThat(signature.verify(signed("current-secret", NOW.minusSeconds(30 * 60 + 1), BODY), BODY, NOW))
                .isEqualTo(SignatureCheck.EXPIRED);
        assertThat(signature.verify(signed("current-secret", NOW.minusSeconds(29 * 60), BODY), BODY, NOW))
                .isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void a_missing_or_malformed_header_is_refused() {
        assertThat(signature.verify(null, BODY, NOW)).isEqualTo(SignatureCheck.MISSING);
        assertThat(signature.verify(" ", BODY, NOW)).isEqualTo(SignatureCheck.MISSING);
        assertThat(signature.verify("v0=abc", BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(signature.verify("t=" + NOW.getEpochSecond(), BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(signature.verify("t=12a4,v0=abc", BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(signature.verify("t=-5,v0=abc", BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(signature.verify("t=99999999999999999999,v0=abc", BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(signature.verify("x".repeat(5000), BODY, NOW)).isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void one_matching_digest_among_several_is_enough() {
        var good = signed("current-secret", NOW, BODY);
        var withDecoy = "t=" + NOW.getEpochSecond() + ",v0=" + "0".repeat(64) + "," + good.substring(good.indexOf("v0="));
        assertThat(signature.verify(withDecoy, BODY, NOW)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void the_signature_covers_the_raw_bytes_not_the_json_meaning() {
        var reformatted = "{ \"type\": \"post_call_transcription\", \"data\": {} }".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(signed("current-secret", NOW, BODY), reformatted, NOW))
                .isEqualTo(SignatureCheck.MISMATCH);
    }
}
