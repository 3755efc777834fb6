package com.revos.voice.webhook.intake.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Defensive reads of provider JSON: a field of an unexpected type counts as absent, never as an error. */
final class JsonFields {

    private JsonFields() {
    }

    static @Nullable String text(JsonNode node, String field) {
        var value = node.path(field);
        if (value.isTextual()) {
            return value.asText();
        }
        return value.isNumber() || value.isBoolean() ? value.asText() : null;
    }

    static @Nullable Integer nonNegativeInt(JsonNode node, String field) {
        var value = node.path(field);
        long number;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            number = value.asLong();
        } else if (value.isNumber()) {
            number = (long) value.asDouble();
        } else if (value.isTextual() && value.asText().strip().matches("\\d{1,9}")) {
            number = Long.parseLong(value.asText().strip());
        } else {
            return null;
        }
        return number < 0 || number > Integer.MAX_VALUE ? null : (int) number;
    }

    static @Nullable Instant epochSeconds(JsonNode node, String field) {
        var value = node.path(field);
        if (!value.isNumber() || !value.canConvertToLong()) {
            return null;
        }
        var seconds = value.asLong();
        // beyond year 9999 is not a timestamp but garbage: treat as absent
        return seconds < 0 || seconds > 253_402_300_799L ? null : Instant.ofEpochSecond(seconds);
    }

    static @Nullable BigDecimal decimal(JsonNode node, String field) {
        var value = node.path(field);
        if (value.isNumber() && Double.isFinite(value.asDouble())) {
            return value.decimalValue();
        }
        return null;
    }

    /** A data-collection value read as a yes/no: booleans, and the words an LLM is likely to put in a string. */
    static @Nullable Boolean yesNo(@Nullable JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0;
        }
        if (value.isTextual()) {
            return switch (value.asText().strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "y", "qualified", "1" -> true;
                case "false", "no", "n", "not qualified", "unqualified", "0" -> false;
                default -> null;
            };
        }
        return null;
    }

    static @Nullable Double number(@Nullable JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber() && Double.isFinite(value.asDouble())) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                var parsed = Double.parseDouble(value.asText().strip());
                return Double.isFinite(parsed) ? parsed : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
