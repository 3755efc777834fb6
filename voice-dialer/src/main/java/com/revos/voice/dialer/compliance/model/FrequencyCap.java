package com.revos.voice.dialer.compliance.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * At most {@code limit} calls to one person in any rolling 24 hours, over all of a tenant's campaigns and single
 * calls, counted from calls placed (sent to the provider). Over it, the contact waits until the oldest counted
 * call leaves the window; its attempt is not used up.
 *
 * @param ruleId the rule that sets the limit ({@code us-FL}, or {@code tenant} for the tenant's own setting)
 */
public record FrequencyCap(int limit, String ruleId, String ruleName) {

    public static final Duration WINDOW = Duration.ofHours(24);

    public FrequencyCap {
        if (limit < 1) {
            throw new IllegalArgumentException("a frequency cap allows at least one call");
        }
    }

    /** The stricter of the ceiling's state cap and the tenant's own. */
    public static FrequencyCap of(Ceiling ceiling, int tenantLimit) {
        var rule = ceiling.capRule();
        var stateLimit = rule.map(HoursRule::callsPer24h).orElse(null);
        if (stateLimit != null && stateLimit <= tenantLimit) {
            return new FrequencyCap(stateLimit, rule.get().id(), rule.get().name());
        }
        return new FrequencyCap(tenantLimit, "tenant", "the tenant's calls per person per 24 h setting");
    }

    /**
     * When the next call may be placed, given the times calls to the number were placed in the last 24 h; empty
     * when one may be placed now.
     */
    public Optional<Instant> waitUntil(List<Instant> placed, Instant now) {
        var recent = placed.stream().filter(at -> at.isAfter(now.minus(WINDOW))).sorted().toList();
        if (recent.size() < limit) {
            return Optional.empty();
        }
        // the call that must leave the window first is the one that would make the count drop below the limit
        return Optional.of(recent.get(recent.size() - limit).plus(WINDOW));
    }
}
