package com.revos.voice.provisioning.provider.infrastructure;

import com.revos.voice.provisioning.provider.application.ProviderException;
import com.revos.voice.provisioning.provider.application.ProviderException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Turns provider answers into {@link ProviderException}s, with credentials scrubbed from every message. */
final class ProviderErrors {

    private static final int MAX_MESSAGE = 500;

    private final String provider;
    private final List<String> secrets;

    ProviderErrors(String provider, String... secrets) {
        this.provider = provider;
        this.secrets = java.util.Arrays.stream(secrets).filter(Objects::nonNull).filter(s -> s.length() >= 4)
                .toList();
    }

    ProviderException status(int status, @Nullable String code, @Nullable String message,
                             @Nullable Duration retryAfter) {
        var kind = status == 429 ? Kind.RATE_LIMITED : status >= 500 ? Kind.UNAVAILABLE : Kind.REJECTED;
        var text = provider + " answered " + status + (code == null ? "" : " (" + code + ")")
                + (message == null || message.isBlank() ? "" : ": " + message);
        return new ProviderException(provider, kind, status, code, redact(text), retryAfter);
    }

    ProviderException noAnswer(String what, Throwable cause) {
        return new ProviderException(provider, Kind.UNAVAILABLE, 0, null,
                redact(provider + " did not answer " + what + ": " + cause.getClass().getSimpleName()), null);
    }

    /**
     * ElevenLabs error bodies: {@code {"detail": {"code", "message", "status"}}} (current), a FastAPI validation
     * list {@code {"detail": [{"loc", "msg"}]}} (422), or a plain string detail.
     */
    static @Nullable String[] codeAndMessage(@Nullable Object detail) {
        if (detail instanceof Map<?, ?> map) {
            var code = map.get("code") != null ? map.get("code") : map.get("status");
            return new String[] {code == null ? null : code.toString(),
                Objects.toString(map.get("message"), null)};
        }
        if (detail instanceof List<?> list) {
            var message = list.stream().map(item -> item instanceof Map<?, ?> m
                    ? Objects.toString(m.get("loc"), "") + " " + Objects.toString(m.get("msg"), "")
                    : String.valueOf(item)).collect(Collectors.joining("; "));
            return new String[] {"validation_error", message};
        }
        return new String[] {null, detail == null ? null : detail.toString()};
    }

    static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String redact(String text) {
        var result = text;
        for (var secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result.length() > MAX_MESSAGE ? result.substring(0, MAX_MESSAGE) + "..." : result;
    }
}
