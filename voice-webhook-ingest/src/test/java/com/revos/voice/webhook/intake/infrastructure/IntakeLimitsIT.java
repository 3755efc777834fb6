package com.revos.voice.webhook.intake.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.events.Topics;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Input bounds before work, on a raw socket so the test controls what is sent: each request declares a large body
 * and sends only its head, so an answer proves the service did not wait to read the rest.
 */
@IngestServiceContext
class IntakeLimitsIT {

    @LocalServerPort
    int port;
    private String marker;

    @BeforeEach
    void mark() {
        marker = "lim" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void nothingWasPublished() {
        assertThat(TopicScan.countContaining(marker, Topics.CALLS, Topics.QUARANTINE)).isZero();
    }

    @Test
    void an_unsigned_sender_announcing_twenty_megabytes_is_refused_401_before_one_byte_is_read() throws IOException {
        var answer = send(null, 20_000_000, new byte[0]);

        assertThat(answer).startsWith("HTTP/1.1 401").contains("application/problem+json");
    }

    @Test
    void a_stale_signature_is_refused_401_before_the_body_is_read() throws IOException {
        var stale = "t=" + (Instant.now().getEpochSecond() - 3600) + ",v0=00";

        assertThat(send(stale, 500_000, new byte[0])).startsWith("HTTP/1.1 401");
    }

    @Test
    void a_transcription_announcing_more_than_the_json_limit_is_refused_413_after_its_head() throws IOException {
        var payload = PostCallPayloads.transcription(PostCallPayloads.conversationId(marker),
                PostCallPayloads.Ids.random());
        PostCallPayloads.analysis(payload).put("transcript_summary", "z".repeat(20_000));
        var body = payload.toString().getBytes(StandardCharsets.UTF_8);
        // the head the service judges the type by, and a little more: never the whole body
        var start = java.util.Arrays.copyOf(body, RawBodies.HEAD_BYTES + 1000);

        var answer = send(freshSignature(), 1_500_000, start);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("1048576");
    }

    @Test
    void a_body_announcing_more_than_the_recording_limit_is_refused_413_at_once() throws IOException {
        assertThat(send(freshSignature(), 3 * 1024 * 1024, new byte[0])).startsWith("HTTP/1.1 413");
    }

    private static String freshSignature() {
        // the screen looks at the header only; the HMAC is checked once the body is in
        return "t=" + Instant.now().getEpochSecond() + ",v0=" + "0".repeat(64);
    }

    /** Sends the headers (Content-Length as announced) and {@code part} of the body, then reads the answer. */
    private String send(String signature, long contentLength, byte[] part) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var headers = "POST " + IngestClient.POST_CALL + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\n"
                    + (signature == null ? "" : ElevenLabsWebhookController.SIGNATURE_HEADER + ": " + signature + "\r\n")
                    + "\r\n";
            var out = socket.getOutputStream();
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.write(part);
            out.flush();
            return head(socket.getInputStream());
        }
    }

    private static String head(InputStream in) throws IOException {
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            if (answer.indexOf("}") > 0) {
                break;
            }
        }
        return answer.toString();
    }
}
