package com.revos.voice.dialer.compliance.model;

import com.revos.voice.events.CallingWindow;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Decides one dial at the moment it is to be sent, in this order: the tenant's do-not-call list (opt-outs
 * included), consent for the campaign's purpose, the legal calling hours in every zone the contact may be in, the
 * campaign's own window, and the calls per person per 24 h. The first rule that refuses is named; the evidence of
 * an allowed dial records every check it passed.
 */
public final class DialRules {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX EEE",
            java.util.Locale.ENGLISH);

    private final CallingHoursPolicy policy;
    private final Locator locator;

    public DialRules(CallingHoursPolicy policy, Locator locator) {
        this.policy = policy;
        this.locator = locator;
    }

    public CallingHoursPolicy policy() {
        return policy;
    }

    public Ceiling ceiling(String toNumber, ContactFacts contact) {
        return policy.ceiling(locator.locate(toNumber, contact));
    }

    public Evidence decide(DialFacts facts, Instant now, UUID evidenceId) {
        var where = locator.locate(facts.toNumber(), facts.contact());
        var ceiling = policy.ceiling(where);
        var cap = FrequencyCap.of(ceiling, facts.tenant().callsPer24h());
        var recent = (int) facts.placedLast24h().stream().filter(at -> at.isAfter(now.minus(FrequencyCap.WINDOW)))
                .count();
        var refusal = refusal(facts, ceiling, cap, now);
        var localTimes = new LinkedHashMap<String, String>();
        for (var zone : ceiling.zones()) {
            localTimes.put(zone.getId(), now.atZone(zone).format(LOCAL));
        }
        var window = facts.campaignWindow();
        return new Evidence(evidenceId, facts.tenantId(), facts.campaignId(), facts.contactId(), facts.callId(),
                facts.attempt(), facts.toNumber(),
                refusal.isPresent() ? Evidence.Decision.REFUSED : Evidence.Decision.PLACED,
                refusal.map(Refusal::rule).orElse(null), refusal.map(Refusal::ruleName).orElse(null),
                refusal.map(Refusal::detail).orElse(null), ceiling.allowedHours(),
                refusal.map(Refusal::retryAt).orElse(null), where.country(), where.zones(), where.states(),
                localTimes, window == null ? null : HoursRule.describe(window.startHour(), window.endHour(),
                        window.days()), ceiling.allowedHours(), ceiling.ruleIds(), facts.suppression().checkedAt(),
                facts.suppression().listVersion(), recent, cap.limit(), cap.ruleId(),
                facts.contact().consent().reference(), facts.purpose() == null ? null : facts.purpose().wire(), now);
    }

    private record Refusal(String rule, String ruleName, String detail, @Nullable Instant retryAt) {
    }

    private Optional<Refusal> refusal(DialFacts facts, Ceiling ceiling, FrequencyCap cap, Instant now) {
        if (facts.suppression().suppressed()) {
            return Optional.of(new Refusal("suppressed", "the tenant's do-not-call list, 47 CFR 64.1200(d)",
                    "the number is on the tenant's do-not-call list" + (facts.suppression().reason() == null ? ""
                            : ": " + facts.suppression().reason()), null));
        }
        if (facts.purpose() != null) {
            var missing = ConsentRule.missing(facts.purpose(), facts.contact().consent(),
                    facts.tenant().writtenConsentForMarketing());
            if (missing.isPresent()) {
                return Optional.of(new Refusal(ConsentRule.RULE, "prior express written consent, 47 CFR "
                        + "64.1200(a)(2)", missing.get(), null));
            }
        }
        var window = facts.campaignWindow();
        var closedBy = ceiling.closedBy(now);
        if (closedBy.isPresent()) {
            var rule = closedBy.get();
            return Optional.of(new Refusal("calling_hours:" + rule.id(), rule.name(), "outside " + rule.hours()
                    + " in the contact's local time; allowed " + ceiling.allowedHours(),
                    ceiling.nextOpen(now, window).orElse(null)));
        }
        if (window != null && !ceiling.windowOpen(window, now)) {
            return Optional.of(new Refusal("campaign_window", "the campaign's calling window", "outside the "
                    + "campaign window " + HoursRule.describe(window.startHour(), window.endHour(), window.days())
                    + " in the contact's local time", ceiling.nextOpen(now, window).orElse(null)));
        }
        var waitUntil = cap.waitUntil(facts.placedLast24h(), now);
        if (waitUntil.isPresent()) {
            return Optional.of(new Refusal("frequency_cap:" + cap.ruleId(), cap.ruleName(), "already "
                    + cap.limit() + " calls to this number in the last 24 h (at most " + cap.limit() + ")",
                    ceiling.nextOpen(waitUntil.get(), window).orElse(waitUntil.get())));
        }
        return Optional.empty();
    }

    /** Whether the campaign window leaves the ceiling for the widest rule; the rule it breaks when it does. */
    public Optional<HoursRule> windowViolates(CallingWindow window) {
        return policy.violatedBy(window);
    }
}
