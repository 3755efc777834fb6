package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.service.ApiException;
import com.revos.voice.webhook.intake.application.Receipt;
import com.revos.voice.webhook.intake.application.WebhookIntake;
import com.revos.voice.webhook.intake.model.FormBody;
import com.revos.voice.webhook.intake.model.SignatureCheck;
import com.revos.voice.webhook.intake.model.TwilioStatusNormalizer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/twilio/status}: Twilio call status callbacks, form-encoded and signed. */
@RestController
class TwilioStatusController {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final String PROVIDER = TwilioStatusNormalizer.PROVIDER;

    private final WebhookIntake intake;
    private final TwilioSignatureCheck signatures;
    private final IntakeMetrics metrics;
    private final WebhookProperties properties;

    TwilioStatusController(WebhookIntake intake, TwilioSignatureCheck signatures, IntakeMetrics metrics,
                           WebhookProperties properties) {
        this.intake = intake;
        this.signatures = signatures;
        this.metrics = metrics;
        this.properties = properties;
    }

    @PostMapping("/webhooks/twilio/status")
    ResponseEntity<Void> status(HttpServletRequest request,
                                @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature)
            throws IOException {
        byte[] body;
        try {
            RawBodies.requireContentType(request, MediaType.APPLICATION_FORM_URLENCODED);
            // the signature covers the form, so only its absence can be judged before the body is read
            if (signature == null || signature.isBlank()) {
                metrics.request(PROVIDER, TwilioStatusNormalizer.KIND, "unauthorized");
                metrics.signatureFailure(PROVIDER, SignatureCheck.MISSING.reason());
                throw RawBodies.unauthorized();
            }
            body = RawBodies.read(request, properties.twilio().maxBodySize().toBytes());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.UNAUTHORIZED) {
                metrics.request(PROVIDER, TwilioStatusNormalizer.KIND,
                        e.status() == HttpStatus.CONTENT_TOO_LARGE ? "too_large" : "unsupported_media_type");
            }
            throw e;
        }
        var form = FormBody.parse(new String(body, StandardCharsets.UTF_8));
        var rawQuery = request.getQueryString();
        return Receipts.answer(PROVIDER, () -> signatures.valid(request.getRequestURI(), rawQuery, form, signature)
                        ? intake.twilioStatus(form, FormBody.parse(rawQuery), body)
                        : new Receipt.Rejected(TwilioStatusNormalizer.KIND, SignatureCheck.MISMATCH),
                metrics, properties.twilio().maxBodySize().toBytes(), properties.retryAfter());
    }
}
