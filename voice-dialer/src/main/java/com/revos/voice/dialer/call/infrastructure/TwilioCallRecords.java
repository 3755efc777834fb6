package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.call.application.CarrierRecords;
import com.revos.voice.dialer.call.model.PlacedCallQuery;
import com.revos.voice.dialer.call.model.Resolution;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Twilio's Calls list for our account ({@code GET /2010-04-01/Accounts/{sid}/Calls.json?To=&From=&StartTime>=},
 * provider-apis.md section 10): ElevenLabs places its calls through this account, so a call it placed is there even
 * when ElevenLabs' own answer was lost. A call from our number to the contact that started around the send, and that
 * no other attempt of ours claims, is this attempt's. One read endpoint with basic auth: a plain REST call.
 */
class TwilioCallRecords implements CarrierRecords {

    private static final Logger log = LoggerFactory.getLogger(TwilioCallRecords.class);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    private static final long START_SKEW_SECS = 30;

    private final RestClient http;
    private final String accountSid;

    TwilioCallRecords(RestClient http, String accountSid) {
        this.http = http;
        this.accountSid = accountSid;
    }

    @Override
    public Resolution find(PlacedCallQuery query, Predicate<String> claimed) {
        if (query.fromNumber() == null) {
            return new Resolution.Undecided("no calling number recorded");
        }
        var since = query.sentAt().minusSeconds(START_SKEW_SECS);
        try {
            // values as URI variables, so that they are encoded strictly: a raw "+1..." would arrive as " 1..."
            var page = http.get().uri(builder -> builder.path("/2010-04-01/Accounts/{sid}/Calls.json")
                    .queryParam("To", "{to}").queryParam("From", "{from}")
                    // Twilio's "StartTime>=2026-12-01": the parameter is named "StartTime>"
                    .queryParam("StartTime>", "{since}").queryParam("PageSize", 50)
                    .build(Map.of("sid", accountSid, "to", query.toNumber(), "from", query.fromNumber(),
                            "since", since.atOffset(ZoneOffset.UTC).toLocalDate().toString())))
                    .retrieve().body(JSON_MAP);
            if (page == null || !(page.get("calls") instanceof List<?> calls)) {
                return new Resolution.Undecided("Twilio answered without a calls list");
            }
            for (var item : calls) {
                if (item instanceof Map<?, ?> call && call.get("sid") instanceof String sid && !claimed.test(sid)
                        && startedSince(call, since)) {
                    return new Resolution.Found(null, sid);
                }
            }
            return new Resolution.Absent();
        } catch (RestClientResponseException | ResourceAccessException e) {
            log.debug("Twilio calls lookup for call {} failed", query.callId(), e);
            return new Resolution.Undecided("Twilio could not be asked: " + e.getClass().getSimpleName());
        }
    }

    /** Twilio dates are RFC 2822; a queued call has no start time yet, but its creation time says when it came. */
    private static boolean startedSince(Map<?, ?> call, java.time.Instant since) {
        var text = call.get("start_time") instanceof String s ? s : call.get("date_created") instanceof String d ? d
                : null;
        if (text == null) {
            return true;
        }
        try {
            return !ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isBefore(since);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
