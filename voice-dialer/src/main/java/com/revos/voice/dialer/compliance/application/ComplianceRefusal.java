package com.revos.voice.dialer.compliance.application;

import com.revos.voice.dialer.compliance.model.Evidence;
import com.revos.voice.dialer.compliance.model.HoursRule;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request the law or the tenant's own list does not allow. The web edge answers it as problem+json naming the
 * field, the rule and the hours that are allowed (and, for a refused dial, its evidence record).
 */
public class ComplianceRefusal extends RuntimeException {

    /** What kind of refusal: it decides the status the web edge answers with. */
    public enum Kind { OUTSIDE_HOURS, SUPPRESSED, NO_CONSENT, CAP_REACHED }

    private final Kind kind;
    private final String title;
    private final String field;
    private final String rule;
    private final String ruleName;
    private final String allowedHours;
    private final @Nullable Instant retryAt;
    private final @Nullable String evidenceId;

    public ComplianceRefusal(Kind kind, String title, String detail, String field, String rule, String ruleName,
                             String allowedHours, @Nullable Instant retryAt, @Nullable String evidenceId) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.field = field;
        this.rule = rule;
        this.ruleName = ruleName;
        this.allowedHours = allowedHours;
        this.retryAt = retryAt;
        this.evidenceId = evidenceId;
    }

    /** A campaign window the widest legal ceiling does not contain. */
    public static ComplianceRefusal window(String field, HoursRule ceiling) {
        return new ComplianceRefusal(Kind.OUTSIDE_HOURS, "Outside legal calling hours", field + " must lie within "
                + ceiling.hours() + " in the contact's local time (" + ceiling.name() + "); each contact is further "
                + "held to its own state's and country's hours when dialed", field, "calling_hours:" + ceiling.id(),
                ceiling.name(), ceiling.hours(), null, null);
    }

    /** A dial refused, as its evidence record says. */
    public static ComplianceRefusal dial(String field, Evidence refused) {
        var rule = refused.refusedBy();
        var kind = rule.startsWith("suppressed") ? Kind.SUPPRESSED
                : rule.startsWith("frequency_cap") ? Kind.CAP_REACHED
                : rule.startsWith("consent") ? Kind.NO_CONSENT : Kind.OUTSIDE_HOURS;
        return new ComplianceRefusal(kind, "Call not allowed: " + refused.ruleName(), refused.detail()
                + (refused.retryAt() == null ? "" : "; it may be placed from " + refused.retryAt()), field,
                rule, Objects.requireNonNullElse(refused.ruleName(), rule), refused.allowedHours(), refused.retryAt(),
                refused.id().toString());
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public String ruleName() {
        return ruleName;
    }

    public String allowedHours() {
        return allowedHours;
    }

    public @Nullable Instant retryAt() {
        return retryAt;
    }

    public @Nullable String evidenceId() {
        return evidenceId;
    }
}
