package com.revos.voice.dialer.compliance.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The consent evidence a contact carries: its type, where it was obtained (a form, a signed page) and when. */
public record Consent(ConsentType type, @Nullable String source, @Nullable Instant obtainedAt) {

    public static final Consent NONE = new Consent(ConsentType.NONE, null, null);

    public Consent {
        type = type == null ? ConsentType.NONE : type;
    }

    /** What the evidence record cites: {@code written via web-form-17 at 2026-03-01T10:00:00Z}. */
    public String reference() {
        var text = new StringBuilder(type.wire());
        if (source != null) {
            text.append(" via ").append(source);
        }
        if (obtainedAt != null) {
            text.append(" at ").append(obtainedAt);
        }
        return text.toString();
    }
}
