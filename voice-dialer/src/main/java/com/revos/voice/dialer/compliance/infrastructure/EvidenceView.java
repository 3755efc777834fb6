package com.revos.voice.dialer.compliance.infrastructure;

import com.revos.voice.dialer.compliance.model.Evidence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** An evidence record as the API shows it (snake_case, fixed field order) and as a CSV row. */
final class EvidenceView {

    static final List<String> CSV_COLUMNS = List.of("id", "decided_at", "decision", "rule", "rule_name", "detail",
            "call_id", "campaign_id", "contact_id", "attempt", "to_number", "country", "zones", "states",
            "local_times", "campaign_window", "ceiling", "ceiling_rules", "allowed_hours", "retry_at",
            "suppression_checked_at", "suppression_list_version", "calls_last_24h", "calls_cap", "cap_rule",
            "consent", "purpose");

    private EvidenceView() {
    }

    static Map<String, @Nullable Object> of(Evidence e) {
        return e.fields();
    }

    /** One RFC 4180 line in {@link #CSV_COLUMNS} order; lists as {@code a;b}, zones as {@code zone(source)}. */
    static String csv(Evidence e) {
        var view = new LinkedHashMap<>(e.fields());
        view.put("zones", e.zones().stream().map(z -> z.zone().getId() + "(" + z.source().wire() + ")")
                .collect(Collectors.joining(";")));
        view.put("states", e.states().stream().map(s -> s.code() + "(" + s.source().wire() + ")")
                .collect(Collectors.joining(";")));
        view.put("local_times", e.localTimes().entrySet().stream().map(t -> t.getKey() + "=" + t.getValue())
                .collect(Collectors.joining(";")));
        view.put("ceiling_rules", String.join(";", e.ceilingRules()));
        return CSV_COLUMNS.stream().map(column -> quote(view.get(column))).collect(Collectors.joining(",")) + "\r\n";
    }

    static String csvHeader() {
        return String.join(",", CSV_COLUMNS) + "\r\n";
    }

    private static String quote(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        var text = value.toString();
        // a leading =, +, - or @ would be a formula to a spreadsheet opening the audit file
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("[+-]?\\d.*")) {
            text = "'" + text;
        }
        return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

}
