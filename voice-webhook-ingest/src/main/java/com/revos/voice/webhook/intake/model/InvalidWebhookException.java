package com.revos.voice.webhook.intake.model;

/** A webhook whose content cannot be normalized; the message becomes the quarantine reason. */
final class InvalidWebhookException extends RuntimeException {

    private final String reason;

    InvalidWebhookException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** The message, never absent. */
    String reason() {
        return reason;
    }

}
