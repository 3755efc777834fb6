package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.testsupport.ServiceHttp;
import com.revos.voice.webhook.intake.fixtures.TwilioCallbacks;
import com.revos.voice.webhook.intake.model.PostCallSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Real HTTP to the running intake, the way ElevenLabs and Twilio call it. */
final class IngestClient {

    static final String POST_CALL = "/webhooks/elevenlabs/post-call";
    static final String TWILIO_STATUS = "/webhooks/twilio/status";

    private final String baseUrl;

    IngestClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    static String signed(byte[] body) {
        return PostCallSignature.header(IngestServiceContext.SECRET, Instant.now().getEpochSecond(), body);
    }

    HttpResponse<String> postCall(byte[] body) {
        return postCall(body, signed(body));
    }

    HttpResponse<String> postCall(byte[] body, String signature) {
        return post(POST_CALL, "application/json", body,
                signature == null ? Map.of() : Map.of(ElevenLabsWebhookController.SIGNATURE_HEADER, signature));
    }

    /** A status callback signed over the public URL, as Twilio signs it. */
    HttpResponse<String> twilioStatus(String query, Map<String, String> form) {
        var url = IngestServiceContext.PUBLIC_BASE_URL + TWILIO_STATUS + (query == null ? "" : "?" + query);
        return twilioStatus(query, form, TwilioCallbacks.sign(IngestServiceContext.TWILIO_TOKEN, url, form));
    }

    HttpResponse<String> twilioStatus(String query, Map<String, String> form, String signature) {
        return post(TWILIO_STATUS + (query == null ? "" : "?" + query), "application/x-www-form-urlencoded",
                TwilioCallbacks.encode(form).getBytes(StandardCharsets.UTF_8),
                signature == null ? Map.of() : Map.of(TwilioStatusController.SIGNATURE_HEADER, signature));
    }

    HttpResponse<String> get(String path) {
        return ServiceHttp.exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return ServiceHttp.exchange(request.build());
    }
}
