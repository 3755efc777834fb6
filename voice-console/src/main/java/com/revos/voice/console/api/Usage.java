package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The usage ledger's sum over a period. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Usage(String from, String to, Long calls, Long billableSeconds, Double minutes,
                    @JsonAlias({"cost_usd", "costUsd"}) Double cost) {

    public long callsOrZero() {
        return calls == null ? 0 : calls;
    }

    public double minutesOrZero() {
        if (minutes != null) {
            return minutes;
        }
        return billableSeconds == null ? 0 : billableSeconds / 60.0;
    }

    public double costOrZero() {
        return cost == null ? 0 : cost;
    }
}
