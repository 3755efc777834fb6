package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.dialer.compliance.model.Evidence;
import com.revos.voice.dialer.compliance.model.HoursRule;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/**
 * A request the law (or the tenant's own list) does not allow: answered as problem+json naming the field, the rule,
 * and the hours that are allowed ({@link ComplianceProblems}).
 */
public class ComplianceRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String field;
    private final String rule;
    private final String ruleName;
    private final String allowedHours;
    private final Instant retryAt;
    private final String evidenceId;

    ComplianceRefusal(HttpStatus status, String title, String detail, String field, String rule, String ruleName,
                      String allowedHours, Instant retryAt, String evidenceId) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.rule = rule;
        this.ruleName = ruleName;
        this.allowedHours = allowedHours;
        this.retryAt = retryAt;
        this.evidenceId = evidenceId;
    }

    /** A campaign window or retime the widest legal ceiling does not contain. */
    public static ComplianceRefusal window(String field, HoursRule ceiling) {
        return new ComplianceRefusal(HttpStatus.UNPROCESSABLE_CONTENT, "Outside legal calling hours", field
                + " must lie within " + ceiling.hours() + " in the contact's local time (" + ceiling.name()
                + "); each contact is further held to its own state's and country's hours when dialed", field,
                "calling_hours:" + ceiling.id(), ceiling.name(), ceiling.hours(), null, null);
    }

    /** A dial refused by its evidence record. */
    public static ComplianceRefusal dial(String field, Evidence refused) {
        var status = refused.rule().startsWith("suppressed") ? HttpStatus.CONFLICT
                : refused.rule().startsWith("frequency_cap") ? HttpStatus.TOO_MANY_REQUESTS
                : HttpStatus.UNPROCESSABLE_CONTENT;
        return new ComplianceRefusal(status, "Call not allowed: " + refused.ruleName(), refused.detail()
                + (refused.retryAt() == null ? "" : "; it may be placed from " + refused.retryAt()), field,
                refused.rule(), refused.ruleName(), refused.allowedHours(), refused.retryAt(),
                refused.id().toString());
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    String field() {
        return field;
    }

    String rule() {
        return rule;
    }

    String ruleName() {
        return ruleName;
    }

    String allowedHours() {
        return allowedHours;
    }

    Instant retryAt() {
        return retryAt;
    }

    String evidenceId() {
        return evidenceId;
    }
}
