package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.dialer.compliance.model.CallingHoursPolicy;
import com.revos.voice.dialer.compliance.model.HoursRule;
import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code revos.dialer.compliance.*}: the operator's calling-hours rules and the tenants' compliance settings. The
 * US federal rule is fixed; state rules are added or replaced by state code (Florida and Oklahoma are built in),
 * country rules by ISO region code, and {@code other-countries} replaces the conservative default (08-21 Mon-Fri).
 *
 * @param callsPer24h calls per person in any rolling 24 h, for tenants without their own (a state rule may be
 *        stricter)
 * @param writtenConsentForMarketing whether marketing campaigns dial only contacts with written consent on file
 */
@ConfigurationProperties("revos.dialer.compliance")
record ComplianceProperties(@DefaultValue Map<String, Rule> states, @DefaultValue Map<String, Rule> countries,
                                   Rule otherCountries, @DefaultValue("10") int callsPer24h,
                                   @DefaultValue("true") boolean writtenConsentForMarketing,
                                   @DefaultValue Map<UUID, Tenant> tenants) {

    /** A rule: hours {@code [start-hour, end-hour)} local time on {@code days} (all when empty), optional cap. */
    public record Rule(String name, int startHour, int endHour, Set<DayOfWeek> days, Integer callsPer24h) {

        HoursRule toRule(String id) {
            return new HoursRule(id, name, startHour, endHour, days, callsPer24h);
        }
    }

    /** A tenant's own settings; unset ones take the defaults above. */
    public record Tenant(Integer callsPer24h, Boolean writtenConsentForMarketing) {
    }

    public ComplianceProperties {
        if (callsPer24h < 1) {
            throw new IllegalArgumentException("revos.dialer.compliance.calls-per24h must be at least 1");
        }
    }

    CallingHoursPolicy policy() {
        var standard = CallingHoursPolicy.standard();
        var stateRules = new HashMap<>(standard.states());
        states.forEach((code, rule) -> {
            var state = code.toUpperCase(Locale.ROOT);
            stateRules.put(state, rule.toRule("us-" + state));
        });
        var countryRules = new HashMap<String, HoursRule>();
        countries.forEach((code, rule) -> {
            var country = code.toUpperCase(Locale.ROOT);
            countryRules.put(country, rule.toRule("country-" + country));
        });
        return new CallingHoursPolicy(standard.federal(), stateRules, otherCountries == null
                ? standard.otherCountries() : otherCountries.toRule("country-default"), countryRules);
    }
}
