package com.revos.voice.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.revos.voice.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A document other teams read without a build (an OpenAPI or AsyncAPI description under {@code docs/}) pinned to
 * what the code produces: the assertion fails when the checked-in copy differs, so it cannot drift. Run the tests
 * with {@code -Dschemas.regenerate=true} to rewrite the copy, then review the diff (contracts evolve additively).
 */
public final class CheckedInDocument {

    /** The switch every contract-file test reads, so one flag rewrites them all. */
    private static final boolean REGENERATE = Boolean.getBoolean("schemas.regenerate");

    private CheckedInDocument() {
    }

    /** Compares as JSON (formatting and key order aside); rewrites the file first when regenerating. */
    public static void assertMatches(Path file, String producedJson) {
        var produced = read(producedJson);
        try {
            if (REGENERATE) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, EventJson.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(produced) + "\n");
            }
            assertThat(file).as("%s (regenerate with -Dschemas.regenerate=true)", file).exists();
            assertThat(EventJson.mapper().readTree(file.toFile()))
                    .as("%s is what the code produces (regenerate with -Dschemas.regenerate=true and review the diff)",
                            file)
                    .isEqualTo(produced);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the produced document is not JSON", e);
        }
    }
}
