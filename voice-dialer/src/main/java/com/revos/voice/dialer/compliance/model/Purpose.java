package com.revos.voice.dialer.compliance.model;

import java.util.Locale;
import java.util.Optional;

/** What a campaign calls for: marketing (telephone solicitation) or information (reminders, notices). */
public enum Purpose {
    MARKETING,
    INFORMATIONAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Purpose> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (var purpose : values()) {
            if (purpose.wire().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
