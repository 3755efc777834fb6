package com.revos.voice.dialer.compliance.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a contact itself says about where it is and what it agreed to, read from the upload's well-known columns
 * ({@code state}, {@code postal_code}, {@code time_zone}, {@code consent_type}, {@code consent_source},
 * {@code consent_obtained_at}); every one optional. A value that is present but unreadable is an error, never
 * ignored: a wrong zone silently dropped could let a call out at night.
 */
public record ContactFacts(@Nullable String state, @Nullable String postalCode, @Nullable ZoneId timeZone,
                           Consent consent) {

    public static final ContactFacts NONE = new ContactFacts(null, null, null, Consent.NONE);

    /** A field that could not be read: the upload reports it. */
    public record Problem(String field, String reason) {
    }

    /** Facts read from the fields, or the problems found. */
    public record Read(ContactFacts facts, List<Problem> problems) {
    }

    public ContactFacts {
        consent = consent == null ? Consent.NONE : consent;
    }

    public static Read read(Map<String, ?> fields) {
        var problems = new ArrayList<Problem>();
        var stateText = text(fields, "state");
        String state = null;
        if (stateText != null) {
            state = UsStates.code(stateText).orElse(null);
            if (state == null) {
                problems.add(new Problem("state", "is not a US state or territory name or code"));
            }
        }
        var postal = text(fields, "postal_code");
        if (postal == null) {
            postal = text(fields, "zip");
        }
        ZoneId zone = null;
        var zoneText = text(fields, "time_zone");
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                problems.add(new Problem("time_zone", "is not an IANA time zone such as America/Chicago"));
            }
        }
        var consentText = text(fields, "consent_type");
        var type = ConsentType.NONE;
        if (consentText != null) {
            type = ConsentType.parse(consentText).orElse(null);
            if (type == null) {
                problems.add(new Problem("consent_type", "must be written, express or none"));
                type = ConsentType.NONE;
            }
        }
        Instant obtained = null;
        var obtainedText = text(fields, "consent_obtained_at");
        if (obtainedText != null) {
            obtained = instant(obtainedText);
            if (obtained == null) {
                problems.add(new Problem("consent_obtained_at", "must be an ISO-8601 date or instant"));
            }
        }
        var facts = new ContactFacts(state, postal, zone, new Consent(type, text(fields, "consent_source"),
                obtained));
        return new Read(facts, List.copyOf(problems));
    }

    private static @Nullable String text(Map<String, ?> fields, String name) {
        var value = fields.get(name);
        if (value == null) {
            return null;
        }
        var text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static @Nullable Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException again) {
                return null;
            }
        }
    }
}
