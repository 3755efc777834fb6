package com.revos.voice.dialer.compliance.model;

import java.util.Optional;

/**
 * AI-voice calls are "artificial voice" calls: marketing needs prior express written consent (47 CFR
 * 64.1200(a)(2)), informational calls prior express consent (a(1)). The tenant decides whether marketing campaigns
 * require written consent to be on file at upload (the stricter default: they do).
 */
public final class ConsentRule {

    public static final String RULE = "consent";

    private ConsentRule() {
    }

    /** Why the contact may not be called for this purpose; empty when it may. */
    public static Optional<String> missing(Purpose purpose, Consent consent, boolean writtenRequiredForMarketing) {
        if (purpose == Purpose.MARKETING && writtenRequiredForMarketing && consent.type() != ConsentType.WRITTEN) {
            return Optional.of("marketing calls with an AI voice need prior express written consent "
                    + "(47 CFR 64.1200(a)(2)); the contact has " + consent.type().wire());
        }
        return Optional.empty();
    }
}
