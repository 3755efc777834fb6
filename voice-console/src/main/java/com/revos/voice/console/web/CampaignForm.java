package com.revos.voice.console.web;

import org.jspecify.annotations.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The new-campaign form. The calling window is offered, and checked, inside the legal ceiling (08:00–21:00 in the
 * contact's local time, compliance.md): the dialer enforces it on every dial anyway; the form says so before a campaign
 * is created whose window could never be used in full. The purpose is chosen, marketing first as the dialer's default
 * (the stricter: its contacts need written consent), and sent as chosen.
 */
public record CampaignForm(@Nullable String name, @Nullable String agentId, @Nullable String phoneNumberId,
                           @Nullable String purpose,
                           @Nullable Integer startHour, @Nullable Integer endHour, List<String> days,
                           @Nullable Double callsPerSecond, @Nullable Integer maxConcurrent,
                           @Nullable Integer maxAttempts, @Nullable Integer busyRetryMinutes,
                           @Nullable Integer noAnswerRetryMinutes, @Nullable String idempotencyKey) {

    public static final int LEGAL_START = 8;
    public static final int LEGAL_END = 21;
    public static final List<String> ALL_DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    /** The dialer's two purposes; a marketing campaign dials only contacts with written consent on file. */
    public static final List<String> PURPOSES = List.of("marketing", "informational");

    static CampaignForm blank(String idempotencyKey) {
        return new CampaignForm("", "", "", "marketing", 9, 17, List.of("MON", "TUE", "WED", "THU", "FRI"), 1.0, 5, 3, 5, 60,
                idempotencyKey);
    }

    /** From the form's parameters (the API's names); a number that does not parse is left empty and reported. */
    static CampaignForm from(MultiValueMap<String, String> params) {
        return new CampaignForm(params.getFirst("name"), params.getFirst("agent_id"),
                params.getFirst("phone_number_id"), params.getFirst("purpose"), integer(params, "start_hour"), integer(params, "end_hour"),
                params.getOrDefault("days", List.of()), decimal(params, "calls_per_second"),
                integer(params, "max_concurrent"), integer(params, "max_attempts"),
                integer(params, "busy_retry_minutes"), integer(params, "no_answer_retry_minutes"),
                params.getFirst("idempotency_key"));
    }

    private static @Nullable Integer integer(MultiValueMap<String, String> params, String name) {
        try {
            var value = params.getFirst(name);
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Double decimal(MultiValueMap<String, String> params, String name) {
        try {
            var value = params.getFirst(name);
            return value == null || value.isBlank() ? null : Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public CampaignForm {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** The console's own checks, by the API's field names, so they show where the API's would. */
    Map<String, String> errors() {
        var errors = new LinkedHashMap<String, String>();
        if (name == null || name.isBlank()) {
            errors.put("name", "Give the campaign a name");
        }
        if (agentId == null || agentId.isBlank()) {
            errors.put("agent_id", "Choose an agent (deploy one from the catalog first)");
        }
        if (phoneNumberId == null || phoneNumberId.isBlank()) {
            errors.put("phone_number_id", "Choose a number to call from (get one on the numbers page first)");
        }
        if (purpose == null || !PURPOSES.contains(purpose)) {
            errors.put("purpose", "Choose marketing or informational");
        }
        if (startHour == null || startHour < LEGAL_START || startHour > LEGAL_END - 1) {
            errors.put("calling_window.start_hour", "must be between 08:00 and 20:00: no calls before 08:00 in the "
                    + "contact's local time");
        }
        if (endHour == null || endHour < LEGAL_START + 1 || endHour > LEGAL_END) {
            errors.put("calling_window.end_hour", "must be between 09:00 and 21:00: no calls after 21:00 in the "
                    + "contact's local time");
        }
        if (startHour != null && endHour != null && !errors.containsKey("calling_window.start_hour")
                && !errors.containsKey("calling_window.end_hour") && startHour >= endHour) {
            errors.put("calling_window.end_hour", "must be after the start hour");
        }
        if (days.isEmpty()) {
            errors.put("calling_window.days", "Choose at least one day");
        }
        if (callsPerSecond == null || callsPerSecond <= 0) {
            errors.put("pacing.calls_per_second", "must be more than 0");
        }
        if (maxConcurrent == null || maxConcurrent < 1) {
            errors.put("pacing.max_concurrent", "must be at least 1");
        }
        if (maxAttempts == null || maxAttempts < 1 || maxAttempts > 20) {
            errors.put("retry_policy.max_attempts", "must be between 1 and 20");
        }
        return errors;
    }

    /** The dialer's create-campaign body. Retry delays are minutes in the form, seconds in the API. */
    Map<String, Object> body() {
        var window = new LinkedHashMap<String, Object>();
        window.put("start_hour", startHour);
        window.put("end_hour", endHour);
        window.put("days", days);
        var delays = new LinkedHashMap<String, Object>();
        if (busyRetryMinutes != null) {
            delays.put("busy", busyRetryMinutes * 60);
        }
        if (noAnswerRetryMinutes != null) {
            delays.put("no_answer", noAnswerRetryMinutes * 60);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name == null ? "" : name.strip());
        body.put("agent_id", agentId);
        body.put("phone_number_id", phoneNumberId);
        body.put("purpose", purpose);
        body.put("calling_window", window);
        body.put("pacing", Map.of("calls_per_second", callsPerSecond, "max_concurrent", maxConcurrent));
        body.put("retry_policy", Map.of("max_attempts", maxAttempts, "delays", delays));
        return body;
    }

    public boolean purposeChosen(String choice) {
        return choice.equals(purpose);
    }

    public boolean dayChosen(String day) {
        return days.contains(day);
    }
}
