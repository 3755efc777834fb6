package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.service.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class RawBodiesTest {

    private static final long JSON_LIMIT = 16 * 1024;
    private static final long AUDIO_LIMIT = 64 * 1024;

    private static MockHttpServletRequest post(String body) {
        var request = new MockHttpServletRequest("POST", "/webhooks/elevenlabs/post-call");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static String payload(String type, int filler) {
        return "{\"type\":\"" + type + "\",\"event_timestamp\":1,\"data\":{\"full_audio\":\"" + "A".repeat(filler)
                + "\"}}";
    }

    @Test
    void a_small_body_is_read_whole_without_a_recording_permit() throws Exception {
        var permits = new Semaphore(0);
        try (var body = RawBodies.readPostCall(post(payload("post_call_transcription", 100)), JSON_LIMIT, AUDIO_LIMIT,
                permits, 10)) {
            assertThat(body.bytes()).hasSize(payload("post_call_transcription", 100).length());
        }
    }

    @Test
    void a_large_body_of_another_type_gets_the_json_limit() {
        var body = post(payload("post_call_transcription", 40_000));

        assertThatThrownBy(() -> RawBodies.readPostCall(body, JSON_LIMIT, AUDIO_LIMIT, new Semaphore(1), 10))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }

    @Test
    void a_large_recording_gets_the_recording_limit_under_a_permit_released_on_close() throws Exception {
        var permits = new Semaphore(1);
        try (var body = RawBodies.readPostCall(post(payload("post_call_audio", 40_000)), JSON_LIMIT, AUDIO_LIMIT,
                permits, 10)) {
            assertThat(body.bytes().length).isGreaterThan((int) JSON_LIMIT);
            assertThat(permits.availablePermits()).isZero();
        }
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void a_recording_beyond_the_permits_is_503_with_retry_after() {
        assertThatThrownBy(() -> RawBodies.readPostCall(post(payload("post_call_audio", 40_000)), JSON_LIMIT,
                AUDIO_LIMIT, new Semaphore(0), 10)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.retryAfterSeconds()).isEqualTo(10L);
                });
    }

    @Test
    void a_recording_over_its_own_limit_is_413_and_gives_its_permit_back() {
        var permits = new Semaphore(1);
        assertThatThrownBy(() -> RawBodies.readPostCall(post(payload("post_call_audio", 70_000)), JSON_LIMIT,
                AUDIO_LIMIT, permits, 10)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        assertThat(permits.availablePermits()).isEqualTo(1);
    }

    @Test
    void the_type_is_judged_from_the_head_only_when_it_is_there() {
        assertThat(RawBodies.mayBeRecording(bytes("{\"type\":\"post_call_audio\",\"data\":{"))).isTrue();
        assertThat(RawBodies.mayBeRecording(bytes("{\"type\":\"post_call_transcription\",\"data\":{"))).isFalse();
        assertThat(RawBodies.mayBeRecording(bytes("{\"data\":{\"type\":\"x\",\"full_audio\":\"AAAA"))).isTrue();
        assertThat(RawBodies.mayBeRecording(bytes("[1,2,3"))).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
