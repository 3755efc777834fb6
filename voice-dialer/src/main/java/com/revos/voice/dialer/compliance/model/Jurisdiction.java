package com.revos.voice.dialer.compliance.model;

import java.time.ZoneId;
import java.util.List;

/**
 * Where the called person may be, from every source we have: the number's country, its zone(s) and the US
 * state(s) named by the area code, the contact's own time zone, state and postal code. Sources are not reconciled:
 * the ceiling applies every zone and every state, so the stricter reading always wins.
 */
public record Jurisdiction(String country, List<Zone> zones, List<State> states) {

    public record Zone(ZoneId zone, Source source) {
    }

    public record State(String code, Source source) {
    }

    public Jurisdiction {
        zones = List.copyOf(zones);
        states = List.copyOf(states);
    }

    /** The distinct zones, in the order found. */
    public List<ZoneId> zoneIds() {
        return zones.stream().map(Zone::zone).distinct().toList();
    }

    public List<String> stateCodes() {
        return states.stream().map(State::code).distinct().toList();
    }
}
