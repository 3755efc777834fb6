package com.revos.voice.webhook.intake.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} text to a map, first value of a name winning. Lenient: a malformed
 * escape keeps its raw text, so a garbled body fails its signature check instead of throwing.
 */
public final class FormBody {

    private FormBody() {
    }

    public static Map<String, String> parse(String body) {
        var result = new LinkedHashMap<String, String>();
        if (body == null || body.isEmpty()) {
            return result;
        }
        for (var pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var equals = pair.indexOf('=');
            var name = decode(equals < 0 ? pair : pair.substring(0, equals));
            var value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            result.putIfAbsent(name, value);
        }
        return result;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
