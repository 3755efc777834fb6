package com.revos.voice.webhook.intake.model;

/** What the check of a webhook signature found; only {@link #VALID} lets a payload in. */
public enum SignatureCheck {
    VALID, MISSING, MALFORMED, EXPIRED, FROM_THE_FUTURE, MISMATCH;

    /** The tag value for metrics: lower case, never anything from the request. */
    public String reason() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
