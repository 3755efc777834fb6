package com.revos.voice.dialer.call.model;

import org.jspecify.annotations.Nullable;

/** What the provider's own records say about an attempt whose answer was lost. */
public sealed interface Resolution {

    /** The provider has the call: it continues as initiated. */
    record Found(@Nullable String conversationId, @Nullable String callSid) implements Resolution {
    }

    /** The provider was asked late enough and has no such call: the attempt is given back, unburned. */
    record Absent() implements Resolution {
    }

    /** The provider could not be asked, or it is too early to trust "absent": ask again later. */
    record Undecided(String why) implements Resolution {
    }
}
