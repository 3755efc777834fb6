package com.revos.voice.dialer.call.model;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.ProviderReport.CallReported;
import java.util.Optional;
import java.util.UUID;

/**
 * How a provider report relates to our attempts. A report is tied to an attempt by the provider's ids we recorded
 * when the call was placed (conversation id, call SID). Only when the answer was lost (the call is still
 * {@code sending} or {@code ambiguous}, we hold no provider id yet) may the echoed {@code call_id} point at the
 * attempt, and then the report must agree with our records on the number dialed and the agent: echoed variables are
 * a hint, never an identity (a tenant chooses some of them).
 */
public final class ReportRules {

    public static final String ECHOED_CALL_ID = "call_id";

    private ReportRules() {
    }

    /** The echoed call id, when it is a UUID at all. */
    public static Optional<UUID> echoedCallId(CallReported report) {
        var text = report.correlation() == null ? null : report.correlation().get(ECHOED_CALL_ID);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why the attempt an echoed call id names cannot be this report's; empty when it can. */
    public static Optional<String> whyNotByEcho(AttemptFacts attempt, CallReported report) {
        if (attempt.providerCallId() != null && !attempt.providerCallId().equals(report.providerCallId())
                && !attempt.providerCallId().equals(report.callSid())) {
            return Optional.of("the echoed call is known to the provider under another id");
        }
        if (report.toNumber() != null && !report.toNumber().equals(attempt.toNumber())) {
            return Optional.of("the echoed call dialed another number");
        }
        if (report.providerAgentId() != null && attempt.providerAgentId() != null
                && !report.providerAgentId().equals(attempt.providerAgentId())) {
            return Optional.of("the echoed call used another agent");
        }
        return Optional.empty();
    }

    /**
     * Whether the report settles the outcome. ElevenLabs' reports (and reconciliation) do; a Twilio status settles
     * only the calls nobody answered: for a call that connected, ElevenLabs' transcription is awaited, as it carries
     * the qualification and analysis (the reconciler fetches it if its webhook is lost).
     */
    public static boolean settles(CallReported report) {
        if (report.outcome() == null || !report.finalReport()) {
            return false;
        }
        if ("twilio".equals(report.provider())) {
            return report.outcome() != CallOutcome.CONNECTED && report.outcome() != CallOutcome.VOICEMAIL;
        }
        return true;
    }

    /** Seconds billed: the talk time of a call that was picked up, nothing for one that never connected. */
    public static int billableSeconds(CallReported report) {
        var talked = report.outcome() == CallOutcome.CONNECTED || report.outcome() == CallOutcome.VOICEMAIL;
        var duration = report.timing().durationSecs();
        return talked && duration != null ? Math.max(0, duration) : 0;
    }
}
