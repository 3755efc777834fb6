package com.revos.voice.webhook.intake.model;

import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CallResult;
import com.revos.voice.events.CallTiming;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a verified Twilio call status callback (provider-apis.md 10) into a {@link CallReported}. Only final
 * statuses make a report; progress callbacks ({@code ringing}, ...) are acknowledged and dropped. The ids the dialer
 * put in the callback URL's query string come back as an unverified hint, like ElevenLabs' dynamic variables.
 */
public final class TwilioStatusNormalizer {

    public static final String PROVIDER = "twilio";
    public static final String KIND = "status_callback";

    public Normalized normalize(Map<String, String> form, Map<String, String> query, Instant receivedAt) {
        var callSid = form.get("CallSid");
        try {
            if (callSid == null || callSid.isBlank()) {
                throw new InvalidWebhookException("CallSid is missing");
            }
            var callStatus = form.get("CallStatus");
            if (OutcomeRules.isProgressStatus(callStatus)) {
                return new Normalized.Ignored(KIND, "progress status");
            }
            if (callStatus == null) {
                throw new InvalidWebhookException("unknown CallStatus");
            }
            var answeredBy = form.get("AnsweredBy");
            var outcome = OutcomeRules.twilioStatus(callStatus, answeredBy)

                    .orElseThrow(() -> new InvalidWebhookException("unknown CallStatus"));
            // Twilio reports a duration for calls that were picked up; for the others there was no call time
            var talked = outcome == CallOutcome.CONNECTED || outcome == CallOutcome.VOICEMAIL;
            var duration = talked ? duration(form.get("CallDuration")) : Integer.valueOf(0);
            var analysis = new LinkedHashMap<String, Object>();
            if (answeredBy != null && !answeredBy.isBlank()) {
                analysis.put("answered_by", answeredBy);
            }
            var report = new CallReported(PROVIDER, KIND, callSid, callSid, null, form.get("To"),
                    new CallTiming(null, duration), outcome, true,
                    new CallResult(outcome == CallOutcome.CONNECTED ? null : Boolean.FALSE, null,
                            callStatus.strip().toLowerCase(java.util.Locale.ROOT), analysis, null),
                    CallReported.Charge.NONE, EchoedIds.from(query::get), receivedAt);
            return new Normalized.Reported(KIND, EventIds.callReported(PROVIDER, KIND, callSid), receivedAt, report);
        } catch (InvalidWebhookException e) {
            return new Normalized.Unreadable(KIND, callSid, e.reason());
        } catch (RuntimeException e) {
            // a signed callback we failed on is kept in the quarantine, not answered with a 500 and lost
            return new Normalized.Unreadable(KIND, callSid, "cannot normalize: " + e.getClass().getSimpleName());
        }
    }

    private static @Nullable Integer duration(@Nullable String text) {
        if (text == null || !text.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(text.strip());
    }
}
