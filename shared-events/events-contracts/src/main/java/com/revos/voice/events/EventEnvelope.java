package com.revos.voice.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A CloudEvents 1.0 envelope around one event's JSON data, as it travels on Kafka in binary mode ({@code ce_*}
 * headers, JSON body). The SDK writes and reads the headers; this type only decides what goes in them, and
 * {@code KafkaEnvelopes} (revos-events-kafka) makes the records.
 *
 * @param id the consumers' deduplication key
 * @param type the CloudEvents type, e.g. {@code revos.voice.call.completed.v1}
 * @param source the producing service, e.g. {@code /revos/voice-dialer}
 * @param key the Kafka record key
 * @param data the event record as JSON ({@link EventJson})
 */
public record EventEnvelope(UUID id, String type, String source, @Nullable String subject, Instant time,
                            @Nullable UUID tenantId, @Nullable UUID campaignId, @Nullable String key, byte[] data) {

    public static final String TENANT_EXTENSION = "tenantid";
    public static final String CAMPAIGN_EXTENSION = "campaignid";
    public static final String CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** Wraps an event with a fresh random id, stamped now. */
    public static EventEnvelope wrap(VoiceEvent event, String source) {
        return wrap(event, source, UUID.randomUUID(), Instant.now());
    }

    /** Wraps an event with a given id: producers that must give a redelivered fact the same id use this. */
    public static EventEnvelope wrap(VoiceEvent event, String source, UUID id, Instant time) {
        return new EventEnvelope(id, EventCatalog.of(event).name(), source, event.subject(), time, event.tenantId(),
                event.campaignId(), event.partitionKey(), EventJson.write(event));
    }

    /** The topic this envelope's type belongs on. */
    public Topic<?> topic() {
        return eventType().topic();
    }

    public EventType<?> eventType() {
        return EventCatalog.byName(type)
                .orElseThrow(() -> new MalformedEventException("Unknown event type '" + type + "'"));
    }

    /** The event record, read from the data by the envelope's type. */
    public VoiceEvent event() {
        return EventJson.read(data, eventType().recordType());
    }

    public CloudEvent toCloudEvent() {
        var builder = CloudEventBuilder.v1()
                .withId(id.toString())
                .withType(type)
                .withSource(URI.create(source))
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withData(data);
        if (subject != null) {
            builder.withSubject(subject);
        }
        if (tenantId != null) {
            builder.withExtension(TENANT_EXTENSION, tenantId.toString());
        }
        if (campaignId != null) {
            builder.withExtension(CAMPAIGN_EXTENSION, campaignId.toString());
        }
        return builder.build();
    }

    public static EventEnvelope fromCloudEvent(CloudEvent event, @Nullable String key) {
        if (event.getData() == null) {
            throw new MalformedEventException("CloudEvent " + event.getId() + " has no data");
        }
        try {
            return new EventEnvelope(UUID.fromString(event.getId()), event.getType(), event.getSource().toString(),
                    event.getSubject(), event.getTime() == null ? Instant.EPOCH : event.getTime().toInstant(),
                    uuidExtension(event, TENANT_EXTENSION), uuidExtension(event, CAMPAIGN_EXTENSION), key,
                    event.getData().toBytes());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("CloudEvent with a malformed id or extension: " + e.getMessage(), e);
        }
    }

    private static @Nullable UUID uuidExtension(CloudEvent event, String name) {
        var value = event.getExtension(name);
        return value == null ? null : UUID.fromString(value.toString());
    }

    /** A readable form for logs: never the data, which may hold personal data. */
    @Override
    public String toString() {
        return "EventEnvelope[id=" + id + ", type=" + type + ", key=" + key + ", bytes=" + data.length + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventEnvelope that && id.equals(that.id) && type.equals(that.type)
                && java.util.Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** The data as text, for diagnostics and schema validation. */
    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
