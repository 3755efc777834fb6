package com.revos.voice.webhook.intake.model;

/** A webhook whose content cannot be normalized; the message becomes the quarantine reason. */
public final class InvalidWebhookException extends RuntimeException {

    private final String reason;

    public InvalidWebhookException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** The message, never absent. */
    public String reason() {
        return reason;
    }
}
