package com.revos.voice.events;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the conversation came to, in the provider's analysis (on the wire: {@code qualified},
 * {@code qualification_score}, {@code termination_reason}, {@code analysis}, {@code summary}, flat in the event):
 * the agent's qualification verdict and score, why the call ended, the provider's raw analysis and its summary.
 * Every part is optional: a progress report or a call that never connected has none.
 */
public record CallResult(@Nullable Boolean qualified, @Nullable Double qualificationScore,
                         @Nullable String terminationReason, @Nullable Map<String, Object> analysis,
                         @Nullable String summary) {

    public static final CallResult NONE = new CallResult(null, null, null, null, null);
}
