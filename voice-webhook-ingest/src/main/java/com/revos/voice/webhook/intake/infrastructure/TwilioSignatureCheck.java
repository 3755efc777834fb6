package com.revos.voice.webhook.intake.infrastructure;

import com.twilio.security.RequestValidator;
import java.util.Map;

/**
 * {@code X-Twilio-Signature} with the Twilio SDK's validator. The URL must be the one Twilio called: the configured
 * public base URL (the gateway rewrites host, scheme and port) plus the path and query this service received.
 */
final class TwilioSignatureCheck {

    private final RequestValidator validator;
    private final String publicBaseUrl;

    TwilioSignatureCheck(String authToken, String publicBaseUrl) {
        this.validator = new RequestValidator(authToken);
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    boolean valid(String path, String rawQuery, Map<String, String> form, String signature) {
        if (signature == null || signature.isBlank() || signature.length() > 256) {
            return false;
        }
        try {
            return validator.validate(publicUrl(path, rawQuery), form, signature);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    String publicUrl(String path, String rawQuery) {
        return publicBaseUrl + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
}
