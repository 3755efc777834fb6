package com.revos.voice.dialer.compliance.model;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's own compliance settings, as it sets them: each one unset takes the operator's value. A tenant may
 * tighten what the operator configured, not loosen it: the operator's calls per person per 24 h is the most a tenant
 * may set, and where the operator requires written consent for marketing (AI voices are "artificial voice" calls,
 * and the rule asks prior express written consent for marketing ones) a tenant cannot turn it off.
 */
public record SettingsChange(@Nullable Integer callsPer24h, @Nullable Boolean writtenConsentForMarketing) {

    public static final SettingsChange NONE = new SettingsChange(null, null);

    /** A field at fault, by its API name, and why. */
    public record Violation(String field, String reason) {
    }

    /** What is wrong with these settings under the operator's; empty when they may be applied. */
    public List<Violation> violations(DialFacts.TenantRules operator) {
        var violations = new ArrayList<Violation>();
        if (callsPer24h != null && (callsPer24h < 1 || callsPer24h > operator.callsPer24h())) {
            violations.add(new Violation("calls_per24h", "must be between 1 and " + operator.callsPer24h()
                    + " (the operator's limit for this tenant)"));
        }
        if (Boolean.FALSE.equals(writtenConsentForMarketing) && operator.writtenConsentForMarketing()) {
            violations.add(new Violation("written_consent_for_marketing", "cannot be turned off: the operator "
                    + "requires written consent for marketing calls"));
        }
        return violations;
    }

    /** The rules that apply: these settings where set, the operator's otherwise, never looser than the operator's. */
    public DialFacts.TenantRules applyTo(DialFacts.TenantRules operator) {
        var cap = callsPer24h == null ? operator.callsPer24h() : Math.min(Math.max(callsPer24h, 1),
                operator.callsPer24h());
        var written = operator.writtenConsentForMarketing() || Boolean.TRUE.equals(writtenConsentForMarketing);
        return new DialFacts.TenantRules(cap, written);
    }
}
