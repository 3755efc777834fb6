package com.revos.voice.dialer.compliance.model;

import com.revos.voice.events.CallingWindow;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The calling-hours ceiling as data: the US federal rule (08:00-21:00 local, 47 CFR 64.1200(c)(1)), stricter US
 * state rules by state code (Florida and Oklahoma by default: 08:00-20:00 and 3 calls per 24 h), and for other
 * countries a conservative default (08:00-21:00 on weekdays) the operator overrides per country (ISO region code).
 */
public record CallingHoursPolicy(HoursRule federal, Map<String, HoursRule> states, HoursRule otherCountries,
                                 Map<String, HoursRule> countries) {

    public static final HoursRule FEDERAL = new HoursRule("us-federal",
            "US federal calling hours, 47 CFR 64.1200(c)(1) and the FTC Telemarketing Sales Rule", 8, 21,
            HoursRule.EVERY_DAY, null);
    public static final HoursRule FLORIDA = new HoursRule("us-FL",
            "Florida Telephone Solicitation Act, Fla. Stat. 501.059(8)", 8, 20, HoursRule.EVERY_DAY, 3);
    public static final HoursRule OKLAHOMA = new HoursRule("us-OK",
            "Oklahoma Telephone Solicitation Act, 15 O.S. 775C.4", 8, 20, HoursRule.EVERY_DAY, 3);
    public static final HoursRule OTHER_COUNTRIES = new HoursRule("country-default",
            "conservative default for countries without an operator rule", 8, 21,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null);

    public CallingHoursPolicy {
        states = Map.copyOf(new TreeMap<>(states));
        countries = Map.copyOf(new TreeMap<>(countries));
    }

    /** The built-in rules, before any operator setting. */
    public static CallingHoursPolicy standard() {
        return new CallingHoursPolicy(FEDERAL, Map.of("FL", FLORIDA, "OK", OKLAHOMA), OTHER_COUNTRIES, Map.of());
    }

    /** Every rule that applies where the contact may be, over all the zones it may be in. */
    public Ceiling ceiling(Jurisdiction where) {
        var rules = new ArrayList<HoursRule>();
        var american = Locator.US.contains(where.country()) || !where.states().isEmpty();
        if (american) {
            rules.add(federal);
            for (var state : where.stateCodes()) {
                Optional.ofNullable(states.get(state)).filter(rule -> !rules.contains(rule)).ifPresent(rules::add);
            }
        }
        if (!Locator.US.contains(where.country())) {
            rules.add(countries.getOrDefault(where.country(), otherCountries));
        }
        return new Ceiling(rules, where.zoneIds());
    }

    /**
     * The widest hours any contact can have: what a campaign window may span at most (each contact is then held to
     * its own, possibly stricter, ceiling when dialed).
     */
    public HoursRule widest() {
        var all = new ArrayList<HoursRule>(countries.values());
        all.add(federal);
        all.add(otherCountries);
        var start = all.stream().mapToInt(HoursRule::startHour).min().orElseThrow();
        var end = all.stream().mapToInt(HoursRule::endHour).max().orElseThrow();
        var days = EnumSet.noneOf(DayOfWeek.class);
        all.forEach(rule -> days.addAll(rule.days()));
        return start == federal.startHour() && end == federal.endHour() && days.size() == 7 ? federal
                : new HoursRule("widest-legal", "the widest legal calling hours of " + federal.name()
                        + " and the operator's country rules", start, end, days, null);
    }

    /** The campaign window's hours that lie outside {@link #widest()}; empty when it is inside. */
    public Optional<HoursRule> violatedBy(CallingWindow window) {
        var widest = widest();
        var inside = window.startHour() < window.endHour() && window.startHour() >= widest.startHour()
                && window.endHour() <= widest.endHour();
        return inside ? Optional.empty() : Optional.of(widest);
    }

    /** The window clamped into {@link #widest()}; empty when nothing of it is left (e.g. a night window). */
    public Optional<CallingWindow> clamp(CallingWindow window) {
        var widest = widest();
        if (window.startHour() > window.endHour()) {
            // a window wrapping past midnight keeps only its part in the day: 18-02 becomes 18-21
            var evening = clamp(new CallingWindow(window.startHour(), 24, window.days()));
            return evening.isPresent() ? evening : clamp(new CallingWindow(0, window.endHour(), window.days()));
        }
        var start = Math.max(window.startHour(), widest.startHour());
        var end = Math.min(window.endHour(), widest.endHour());
        return start < end ? Optional.of(new CallingWindow(start, end, window.days())) : Optional.empty();
    }
}
