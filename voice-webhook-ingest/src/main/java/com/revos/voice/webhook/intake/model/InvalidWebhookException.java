package com.revos.voice.webhook.intake.model;

/** A webhook whose content cannot be normalized; the message becomes the quarantine reason. */
public final class InvalidWebhookException extends RuntimeException {

    public InvalidWebhookException(String reason) {
        super(reason, null, false, false);
    }
}
