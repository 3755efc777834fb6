package com.revos.voice.console.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How values read on a page ({@code ${@fmt.time(...)}}): UTC times, dollars, percents; absent values as "—". */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    static final String NONE = "—";

    public String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    public String money(Number amount) {
        return amount == null ? NONE : String.format(Locale.ROOT, "$%.2f", amount.doubleValue());
    }

    public String percent(Number value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.1f %%", value.doubleValue());
    }

    public String decimal(Number value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.2f", value.doubleValue());
    }

    public String seconds(Number value) {
        if (value == null) {
            return NONE;
        }
        var total = value.longValue();
        return total < 60 ? total + " s" : (total / 60) + " min " + (total % 60) + " s";
    }

    public String hour(int hour) {
        return String.format(Locale.ROOT, "%02d:00", hour);
    }

    public String words(String value) {
        return value == null ? NONE : value.replace('_', ' ');
    }

    public String text(Object value) {
        return value == null ? NONE : String.valueOf(value);
    }

    /** A value of a JSON map (metrics, evidence): fractions to two decimals, the rest as given. */
    public String value(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return decimal((Number) value);
        }
        return text(value);
    }
}
