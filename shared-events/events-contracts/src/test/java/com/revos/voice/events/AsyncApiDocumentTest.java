package com.revos.voice.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI 3.0 document for other RevOS teams ({@code docs/asyncapi.json}) is generated from the topics, the
 * event catalog and the JSON Schemas, and this test fails when the checked-in copy differs: it cannot drift.
 * Regenerate with {@code -Dschemas.regenerate=true}.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("../../docs/asyncapi.json");

    @Test
    void the_published_asyncapi_document_matches_the_contracts() throws Exception {
        var expected = document();
        if (Boolean.getBoolean("schemas.regenerate")) {
            Files.writeString(DOCUMENT, EventJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(expected) + "\n");
        }
        assertThat(DOCUMENT).as("docs/asyncapi.json (regenerate with -Dschemas.regenerate=true)").exists();
        assertThat(EventJson.mapper().readTree(DOCUMENT.toFile())).isEqualTo(expected);
    }

    @Test
    void every_event_type_appears_as_a_message_on_its_topic() {
        var document = document();
        for (var type : EventCatalog.ALL) {
            var channel = document.path("channels").path(channelId(type.topic()));
            assertThat(channel.path("messages").has(messageId(type))).as(type.name()).isTrue();
        }
    }

    private static ObjectNode document() {
        var mapper = EventJson.mapper();
        var root = mapper.createObjectNode();
        root.put("asyncapi", "3.0.0");
        var info = root.putObject("info");
        info.put("title", "RevOS Voice events");
        info.put("version", "1.0.0");
        info.put("description", "Every topic and event of RevOS Voice. Records are CloudEvents 1.0 in Kafka binary "
                + "mode: attributes in ce_* headers (ce_id is the deduplication key; extensions ce_tenantid and "
                + "ce_campaignid), the event as the JSON body. Schemas evolve additively: ignore unknown fields.");
        var servers = root.putObject("servers");
        var local = servers.putObject("local");
        local.put("host", "localhost:9092");
        local.put("protocol", "kafka");
        local.put("description", "the embedded default started by ./revos up");
        var channels = root.putObject("channels");
        var operations = root.putObject("operations");
        var messages = root.putObject("components").putObject("messages");
        for (var topic : Topics.ALL) {
            var channel = channels.putObject(channelId(topic));
            channel.put("address", topic.name());
            channel.put("description", "Key: " + topic.key() + ". Dead-letter topics of consumers: "
                    + topic.name() + ".<group>.dlt");
            var channelMessages = channel.putObject("messages");
            var operation = operations.putObject("receive-" + channelId(topic));
            operation.put("action", "receive");
            operation.putObject("channel").put("$ref", "#/channels/" + channelId(topic));
            var operationMessages = operation.putArray("messages");
            for (var type : EventCatalog.ALL) {
                if (!type.topic().equals(topic)) {
                    continue;
                }
                channelMessages.putObject(messageId(type)).put("$ref", "#/components/messages/" + messageId(type));
                operationMessages.addObject().put("$ref", "#/channels/" + channelId(topic) + "/messages/"
                        + messageId(type));
                var message = messages.putObject(messageId(type));
                message.put("name", type.name());
                message.put("contentType", EventEnvelope.CONTENT_TYPE);
                message.put("summary", type.recordType().getSimpleName() + " (ce_type " + type.name() + ")");
                var headers = message.putObject("headers");
                headers.put("type", "object");
                var headerProperties = headers.putObject("properties");
                headerProperties.putObject("ce_id").put("type", "string").put("format", "uuid");
                headerProperties.putObject("ce_type").put("const", type.name());
                headerProperties.putObject("ce_source").put("type", "string");
                headerProperties.putObject("ce_specversion").put("const", "1.0");
                headerProperties.putObject("ce_time").put("type", "string").put("format", "date-time");
                headerProperties.putObject("ce_tenantid").put("type", "string").put("format", "uuid");
                headerProperties.putObject("ce_campaignid").put("type", "string").put("format", "uuid");
                message.set("payload", schema(type));
            }
        }
        return root;
    }

    private static JsonNode schema(EventType<?> type) {
        try (var in = AsyncApiDocumentTest.class.getResourceAsStream(type.schemaResource())) {
            return EventJson.mapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String channelId(Topic<?> topic) {
        return topic.name().replace('.', '-');
    }

    private static String messageId(EventType<?> type) {
        return type.name().replace("revos.voice.", "").replace('.', '-');
    }
}
