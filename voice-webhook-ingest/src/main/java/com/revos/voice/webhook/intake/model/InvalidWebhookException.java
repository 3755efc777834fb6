package com.revos.voice.webhook.intake.model;

/** A webhook whose content cannot be normalized; the message becomes the quarantine reason. */
final class InvalidWebhookException extends RuntimeException {

    InvalidWebhookException(String reason) {
        super(reason, null, false, false);
    }
}
