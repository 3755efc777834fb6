package com.revos.voice.dialer.compliance.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whether the person asked, during the call, not to be called again (consent revoked "by any reasonable means",
 * 47 CFR 64.1200(a)(10)): the agent's {@code do_not_call} data-collection field (true, "yes"), or a termination
 * reason that says so. Both come from the provider's post-call analysis.
 */
public final class OptOutRule {

    /** The data-collection field every agent template collects. */
    public static final String FIELD = "do_not_call";

    private static final Pattern SAID_STOP = Pattern.compile(
            "(do[ _-]?not[ _-]?call|don'?t call|stop calling|opt(ed)?[ _-]?out|unsubscribe|remove (me|my number))");

    private OptOutRule() {
    }

    /** The reason to keep on the suppression, or empty when the call carried no opt-out. */
    public static Optional<String> optOut(@Nullable String terminationReason,
                                          @Nullable Map<String, Object> analysis) {
        if (analysis != null && analysis.get("data_collection") instanceof Map<?, ?> collected
                && truthy(collected.get(FIELD))) {
            return Optional.of("said not to call again (data collection " + FIELD + ")");
        }
        if (terminationReason != null && SAID_STOP.matcher(terminationReason.toLowerCase(Locale.ROOT)).find()) {
            return Optional.of("said not to call again (termination reason: " + terminationReason + ")");
        }
        return Optional.empty();
    }

    static boolean truthy(@Nullable Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value == null) {
            return false;
        }
        var text = value.toString().strip().toLowerCase(Locale.ROOT);
        return text.equals("true") || text.equals("yes") || text.equals("y") || text.equals("1");
    }
}
