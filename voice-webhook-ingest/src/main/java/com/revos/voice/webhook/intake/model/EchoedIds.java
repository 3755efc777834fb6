package com.revos.voice.webhook.intake.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The ids the dialer handed the provider (ElevenLabs dynamic variables, the Twilio status callback URL's query) as
 * the provider echoed them back. They are a hint, never an identity: a tenant chooses some of a call's variables, so
 * the intake neither parses nor trusts them; it keeps the dialer's names, bounded, for the dialer to check against
 * its own records (design.md section 3).
 */
public final class EchoedIds {

    static final List<String> NAMES = List.of("call_id", "tenant_id", "campaign_id", "contact_id", "attempt");
    private static final int MAX_LENGTH = 64;

    private EchoedIds() {
    }

    /** The echoed ids present, by name; values longer than an id are dropped rather than carried. */
    public static Map<String, String> from(Function<String, @Nullable String> variables) {
        var echoed = new LinkedHashMap<String, String>();
        for (var name : NAMES) {
            var raw = variables.apply(name);
            var value = raw == null ? "" : raw.strip();
            if (!value.isEmpty() && value.length() <= MAX_LENGTH) {
                echoed.put(name, value);
            }
        }
        return Map.copyOf(echoed);
    }
}
