package com.revos.voice.webhook.intake.model;

import com.revos.voice.events.CallOutcome;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How provider vocabulary maps to the normalized outcome (design.md "Normalized call outcome"). ElevenLabs'
 * {@code termination_reason} is free text, so it is matched by keywords; Twilio's statuses are a closed set.
 */
public final class OutcomeRules {

    private OutcomeRules() {
    }

    /** A conversation ElevenLabs reported on after the call ended. */
    public static CallOutcome forConversation(@Nullable String status, @Nullable String terminationReason,
                                              boolean providerError, @Nullable Integer durationSecs,
                                              boolean contactSpoke) {
        var byReason = fromText(terminationReason);
        if (byReason.isPresent()) {
            return byReason.get();
        }
        if ("failed".equalsIgnoreCase(status) || providerError) {
            return CallOutcome.FAILED;
        }
        // nobody spoke and no time passed: the phone rang out without ElevenLabs saying so in words
        if (durationSecs != null && durationSecs == 0 && !contactSpoke) {
            return CallOutcome.NO_ANSWER;
        }
        return CallOutcome.CONNECTED;
    }

    /** A call that never connected ({@code call_initiation_failure}); unknown reasons are failures. */
    public static CallOutcome forInitiationFailure(@Nullable String failureReason, @Nullable String providerStatus) {
        return fromText(failureReason)
                .or(() -> twilioStatus(providerStatus, null))
                .filter(outcome -> outcome != CallOutcome.CONNECTED && outcome != CallOutcome.VOICEMAIL)
                .orElse(CallOutcome.FAILED);
    }

    /**
     * A Twilio final call status, with the answering machine detection result: a machine or a voicemail box that
     * picked up is {@code completed} for Twilio but not a conversation for us. Empty for non-final statuses.
     */
    public static Optional<CallOutcome> twilioStatus(@Nullable String callStatus, @Nullable String answeredBy) {
        if (callStatus == null) {
            return Optional.empty();
        }
        return switch (callStatus.strip().toLowerCase(Locale.ROOT)) {
            case "completed" -> Optional.of(answeredByMachine(answeredBy) ? CallOutcome.VOICEMAIL
                    : "fax".equalsIgnoreCase(answeredBy) ? CallOutcome.FAILED : CallOutcome.CONNECTED);
            case "busy" -> Optional.of(CallOutcome.BUSY);
            case "no-answer" -> Optional.of(CallOutcome.NO_ANSWER);
            case "failed" -> Optional.of(CallOutcome.FAILED);
            case "canceled", "cancelled" -> Optional.of(CallOutcome.CANCELLED);
            default -> Optional.empty();
        };
    }

    public static boolean isProgressStatus(@Nullable String callStatus) {
        return callStatus != null && switch (callStatus.strip().toLowerCase(Locale.ROOT)) {
            case "queued", "initiated", "ringing", "in-progress", "answered" -> true;
            default -> false;
        };
    }

    public static boolean answeredByMachine(@Nullable String answeredBy) {
        return answeredBy != null && answeredBy.strip().toLowerCase(Locale.ROOT).startsWith("machine");
    }

    private static Optional<CallOutcome> fromText(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var t = text.toLowerCase(Locale.ROOT);
        if (t.contains("voicemail") || t.contains("voice mail") || t.contains("answering machine")
                || t.contains("machine_")) {
            return Optional.of(CallOutcome.VOICEMAIL);
        }
        if (t.contains("busy")) {
            return Optional.of(CallOutcome.BUSY);
        }
        if (t.contains("no-answer") || t.contains("no_answer") || t.contains("no answer")
                || t.contains("not answered") || t.contains("unanswered")) {
            return Optional.of(CallOutcome.NO_ANSWER);
        }
        if (t.contains("cancel")) {
            return Optional.of(CallOutcome.CANCELLED);
        }
        return Optional.empty();
    }
}
