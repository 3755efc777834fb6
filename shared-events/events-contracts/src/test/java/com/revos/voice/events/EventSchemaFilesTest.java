package com.revos.voice.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The checked-in JSON Schemas are the published contract; this test pins them to the records. When a record gains
 * a field, regenerate with {@code -Dschemas.regenerate=true} and review the diff: it must only add properties.
 * Golden payloads are written only when missing, so existing ones keep pinning what old producers sent.
 */
class EventSchemaFilesTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean REGENERATE = Boolean.getBoolean("schemas.regenerate");

    @Test
    void every_checked_in_schema_matches_its_record() throws Exception {
        var generator = generator();
        for (var type : EventCatalog.ALL) {
            var expected = schemaFor(generator, type);
            var file = SCHEMAS.resolve(type.name() + ".json");
            if (REGENERATE) {
                Files.createDirectories(SCHEMAS);
                Files.writeString(file, EventJson.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(expected) + "\n");
            }
            assertThat(file).as("schema of %s (regenerate with -Dschemas.regenerate=true)", type.name()).exists();
            assertThat(EventJson.mapper().readTree(file.toFile())).as("schema of %s", type.name()).isEqualTo(expected);
        }
        if (REGENERATE) {
            Files.createDirectories(GOLDEN);
            for (var event : EventFixtures.oneOfEachType()) {
                var file = GOLDEN.resolve(EventCatalog.of(event).name() + ".json");
                if (!Files.exists(file)) {
                    Files.writeString(file, EventJson.mapper().writerWithDefaultPrettyPrinter()
                            .writeValueAsString(EventJson.mapper().readTree(EventJson.write(event))) + "\n");
                }
            }
        }
    }

    private static JsonNode schemaFor(SchemaGenerator generator, EventType<?> type) {
        ObjectNode schema = generator.generateSchema(type.recordType());
        schema.put("$id", "https://schemas.revos.io/voice/" + type.name() + ".json");
        schema.put("title", type.name());
        schema.put("description", "Data of the CloudEvent " + type.name() + " on topic " + type.topic().name()
                + " (key: " + type.topic().key() + ")");
        return schema;
    }

    private static SchemaGenerator generator() {
        var snakeCase = new PropertyNamingStrategies.SnakeCaseStrategy();
        var builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .without(Option.SCHEMA_VERSION_INDICATOR)
                .with(Option.SCHEMA_VERSION_INDICATOR);
        builder.forFields().withPropertyNameOverrideResolver(field -> snakeCase.translate(field.getName()));
        builder.forFields().withRequiredCheck(field -> field.getType().getErasedType().isPrimitive());
        builder.forTypesInGeneral().withAdditionalPropertiesResolver(scope -> null);
        builder.forTypesInGeneral().withCustomDefinitionProvider((javaType, context) -> {
            var erased = javaType.getErasedType();
            if (erased == UUID.class) {
                return new com.github.victools.jsonschema.generator.CustomDefinition(
                        context.getGeneratorConfig().createObjectNode().put("type", "string").put("format", "uuid"));
            }
            if (erased == Instant.class) {
                return new com.github.victools.jsonschema.generator.CustomDefinition(
                        context.getGeneratorConfig().createObjectNode().put("type", "string").put("format", "date-time"));
            }
            if (erased == BigDecimal.class) {
                return new com.github.victools.jsonschema.generator.CustomDefinition(
                        context.getGeneratorConfig().createObjectNode().put("type", "number"));
            }
            return null;
        });
        return new SchemaGenerator(builder.build());
    }
}
