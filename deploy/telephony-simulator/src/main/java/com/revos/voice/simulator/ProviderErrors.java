package com.revos.voice.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/** Error bodies in the providers' own shapes (provider-apis.md §0 and §6). */
public final class ProviderErrors {

    private ProviderErrors() {
    }

    /** ElevenLabs: {@code {"detail": {type, code, message, status, request_id, param}}}. */
    public static ResponseEntity<Object> elevenLabs(int httpStatus, String type, String code, String message,
                                                    String legacyStatus, @Nullable String param) {
        return ResponseEntity.status(httpStatus).body(elevenLabsBody(type, code, message, legacyStatus, param));
    }

    public static Map<String, Object> elevenLabsBody(String type, String code, String message, String legacyStatus,
                                                     @Nullable String param) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", type);
        detail.put("code", code);
        detail.put("message", message);
        detail.put("status", legacyStatus);
        detail.put("request_id", Ids.of("req_", 24));
        detail.put("param", param);
        return Map.of("detail", detail);
    }

    /** The 422 validation shape of the ElevenLabs API (FastAPI style: a list of {loc, msg, type}). */
    public static ResponseEntity<Object> elevenLabsMissingField(String field) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("loc", List.of("body", field));
        error.put("msg", "Field required");
        error.put("type", "missing");
        return ResponseEntity.unprocessableContent().body(Map.of("detail", List.of(error)));
    }

    public static ResponseEntity<Object> elevenLabsNotFound(String what, String id, String param) {
        return elevenLabs(404, "not_found", what + "_not_found", what.replace('_', ' ') + " " + id + " not found",
                what + "_not_found", param);
    }

    static String elevenLabsJson(String type, String code, String message, String legacyStatus, String param) {
        return "{\"detail\":{\"type\":\"" + type + "\",\"code\":\"" + code + "\",\"message\":\"" + message
                + "\",\"status\":\"" + legacyStatus + "\",\"request_id\":\"" + Ids.of("req_", 24)
                + "\",\"param\":\"" + param + "\"}}";
    }

    /** Twilio: {@code {code, message, more_info, status}}, which twilio-java turns into an ApiException. */
    public static ResponseEntity<Object> twilio(int code, String message, int httpStatus) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", httpStatus);
        return ResponseEntity.status(httpStatus).body(body);
    }

    static String twilioJson(int code, String message, int httpStatus) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                + code + "\",\"status\":" + httpStatus + "}";
    }
}
