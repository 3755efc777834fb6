package com.revos.voice.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The dialer's answer to a contacts upload: rows taken, and every row not taken with its reason. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadReport(Long accepted, List<Rejection> rejected) {

    public UploadReport {
        accepted = accepted == null ? 0 : accepted;
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rejection(Integer row, String phone, String reason) {
    }

    /** The reason the dialer gives for a contact of a marketing campaign without written consent on file. */
    public static final String NO_WRITTEN_CONSENT = "no_written_consent";

    /** The rows refused for want of written consent: they are never stored, so never dialed. */
    public List<Rejection> withoutConsent() {
        return rejected.stream().filter(r -> NO_WRITTEN_CONSENT.equals(r.reason())).toList();
    }

    /** Rejections counted by reason (invalid_number, duplicate, suppressed, ...), reasons sorted. */
    public Map<String, Long> byReason() {
        var counts = new TreeMap<String, Long>();
        rejected.forEach(r -> counts.merge(r.reason() == null ? "unknown" : r.reason(), 1L, Long::sum));
        return counts;
    }
}
