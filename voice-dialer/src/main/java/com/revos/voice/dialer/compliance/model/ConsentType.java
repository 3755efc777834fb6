package com.revos.voice.dialer.compliance.model;

import java.util.Locale;
import java.util.Optional;

/** The consent a contact gave to be called with an AI (artificial) voice, 47 CFR 64.1200(a)(2)-(3). */
public enum ConsentType {
    /** Prior express written consent: what marketing calls with an AI voice need. */
    WRITTEN,
    /** Prior express consent: enough for informational calls. */
    EXPRESS,
    NONE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsentType> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (var type : values()) {
            if (type.wire().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
