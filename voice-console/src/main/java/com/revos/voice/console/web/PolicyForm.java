package com.revos.voice.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's optimizer policy as a form, built from whatever the optimizer answers: every scalar setting becomes a
 * field (nested rules become groups), so settings a newer optimizer adds appear without a console change, and the
 * edited policy is sent back whole (nothing it does not know is dropped).
 */
public record PolicyForm(List<Group> groups) {

    public record Group(String name, String label, List<Field> fields) {
    }

    /** {@code path} is the field's JSON path (e.g. {@code stop_loss.threshold}), also its form parameter name. */
    public record Field(String path, String label, String type, String value, List<String> options) {

        public boolean choice() {
            return !options.isEmpty();
        }
    }

    /** Rule modes the optimizer knows; any other value it answers is offered too. */
    static final List<String> MODES = List.of("automatic", "recommend");

    @SuppressWarnings("unchecked")
    static PolicyForm of(Map<String, Object> policy) {
        var general = new ArrayList<Field>();
        var groups = new ArrayList<Group>();
        policy.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                var fields = new ArrayList<Field>();
                ((Map<String, Object>) nested).forEach((inner, innerValue) -> {
                    if (!(innerValue instanceof Map<?, ?>) && !(innerValue instanceof List<?>)) {
                        fields.add(field(key + "." + inner, inner, innerValue));
                    }
                });
                groups.add(new Group(key, label(key), fields));
            } else if (!(value instanceof List<?>)) {
                general.add(field(key, key, value));
            }
        });
        var all = new ArrayList<Group>();
        if (!general.isEmpty()) {
            all.add(new Group("general", "Evaluation window", general));
        }
        all.addAll(groups);
        return new PolicyForm(all);
    }

    private static Field field(String path, String name, Object value) {
        var text = value == null ? "" : String.valueOf(value);
        if (name.equals("mode")) {
            var options = new ArrayList<>(MODES);
            if (!text.isEmpty() && !options.contains(text)) {
                options.add(text);
            }
            return new Field(path, label(name), "choice", text, options);
        }
        var type = value instanceof Boolean ? "checkbox" : value instanceof Number || value == null ? "number" : "text";
        return new Field(path, label(name), type, text, List.of());
    }

    static String label(String key) {
        var words = key.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The policy with the submitted values in place of the old ones, typed as the old ones were. Unknown parameters
     * are ignored; a value that is not a number where one was stays as typed, for the optimizer to refuse by name.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> policy, Map<String, String> submitted) {
        var updated = new LinkedHashMap<String, Object>();
        policy.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                var inner = new LinkedHashMap<String, Object>();
                ((Map<String, Object>) nested).forEach((name, old) ->
                        inner.put(name, typed(old, submitted.get(key + "." + name), submitted, key + "." + name)));
                updated.put(key, inner);
            } else {
                updated.put(key, typed(value, submitted.get(key), submitted, key));
            }
        });
        return updated;
    }

    private static @Nullable Object typed(@Nullable Object old, @Nullable String submitted, Map<String, String> all,
                                          String path) {
        if (old instanceof Boolean) {
            return all.containsKey(path);
        }
        if (submitted == null || old instanceof Map<?, ?> || old instanceof List<?>) {
            return old;
        }
        var text = submitted.strip();
        if (old instanceof Number || old == null) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                if (old instanceof Integer || old instanceof Long) {
                    return Long.parseLong(text);
                }
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }
}
