package com.revos.voice.webhook.intake.infrastructure;

import static com.revos.voice.webhook.intake.fixtures.PostCallPayloads.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.revos.voice.events.Topics;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads;
import com.revos.voice.webhook.intake.fixtures.PostCallPayloads.Ids;
import com.revos.voice.webhook.intake.fixtures.TwilioCallbacks;
import com.revos.voice.webhook.intake.model.FormBody;
import com.revos.voice.webhook.intake.model.PostCallSignature;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Thousands of random and mutated webhooks at both endpoints: unsigned, mis-signed, and correctly signed garbage.
 * The intake may refuse or quarantine, never fail (no 5xx but the 503 of a Kafka outage), and nothing forged may
 * reach Kafka: forged requests carry a marker that is counted on the topics before and after.
 */
@IngestServiceContext
class WebhookFuzzIT {

    private static final Logger log = LoggerFactory.getLogger(WebhookFuzzIT.class);
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_123L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 500);
    private static final String[] CONTENT_TYPES = {"application/json", "application/x-www-form-urlencoded",
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-8",
        "garbage/;;", null};
    private static final String[] TWILIO_STATUSES = {"completed", "busy", "no-answer", "failed", "canceled",
        "ringing", "queued", "in-progress", "", "COMPLETED", "exploded"};

    @LocalServerPort
    int port;

    /** What a request was, and so what it may be answered. */
    enum Kind { FORGED, SIGNED }

    record Attempt(Kind kind, String category, int status) {
    }

    @Test
    void random_and_mutated_webhooks_never_break_the_intake_and_only_correctly_signed_ones_reach_kafka()
            throws Exception {
        var forged = "forged" + UUID.randomUUID().toString().substring(0, 8);
        var signed = "signed" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(TopicScan.countContaining(forged, Topics.PROVIDER_REPORTS, Topics.CALLS, Topics.QUARANTINE))
                .isZero();
        var client = new IngestClient(port);
        var generators = List.<Function<Random, Attempt>>of(
                random -> unsignedPostCall(client, random, forged),
                random -> misSignedPostCall(client, random, forged),
                random -> signedGarbagePostCall(client, random, signed),
                random -> forgedTwilio(client, random, forged),
                random -> signedGarbageTwilio(client, random, signed),
                random -> randomAnything(client, random, forged));
        log.info("Fuzzing with seed {} ({} rounds x {} generators)", SEED, ROUNDS, generators.size());

        var attempts = new ArrayList<Future<Attempt>>();
        var inFlight = new Semaphore(16);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < ROUNDS; round++) {
                for (int g = 0; g < generators.size(); g++) {
                    // nearby seeds give java.util.Random correlated first draws: mix them first
                    var random = new Random(new SplittableRandom(SEED + round * 8L + g).nextLong());
                    var generator = generators.get(g);
                    inFlight.acquire();
                    attempts.add(executor.submit(() -> {
                        try {
                            return generator.apply(random);
                        } finally {
                            inFlight.release();
                        }
                    }));
                }
            }
        }

        var byStatus = new ConcurrentHashMap<String, Integer>();
        for (var future : attempts) {
            var attempt = future.get();
            byStatus.merge(attempt.kind() + " " + attempt.category() + " -> " + attempt.status(), 1, Integer::sum);
            assertThat(attempt.status()).as("%s %s", attempt.kind(), attempt.category())
                    .satisfiesAnyOf(status -> assertThat(status).isLessThan(500),
                            status -> assertThat(status).isEqualTo(503));
            if (attempt.kind() == Kind.FORGED) {
                assertThat(attempt.status()).as("forged %s", attempt.category()).isIn(401, 413, 415);
            } else {
                assertThat(attempt.status()).as("signed %s", attempt.category()).isIn(200, 503);
            }
        }
        log.info("Fuzz answers: {}", new java.util.TreeMap<>(byStatus));
        assertThat(attempts).hasSize(ROUNDS * generators.size());
        assertThat(TopicScan.countContaining(forged, Topics.PROVIDER_REPORTS, Topics.CALLS, Topics.QUARANTINE))
                .as("events from unsigned or mis-signed requests").isZero();
        assertThat(TopicScan.countContaining(signed, Topics.PROVIDER_REPORTS, Topics.QUARANTINE))
                .as("signed garbage is published or quarantined, not dropped").isPositive();
        assertThat(TopicScan.countContaining(signed, Topics.CALLS))
                .as("not even signed garbage makes a call event").isZero();
    }

    private static Attempt unsignedPostCall(IngestClient client, Random random, String marker) {
        var body = mutated(random, validPostCall(random, marker));
        var header = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "t=" + Instant.now().getEpochSecond() + ",v0=" + HexFormat.of().formatHex(randomBytes(random, 32));
            case 2 -> new String(randomBytes(random, random.nextInt(64)), StandardCharsets.ISO_8859_1)
                    .replaceAll("[\\r\\n\\x00-\\x1f\\x7f-\\xff]", "x");
            default -> "v0=,t=,,,";
        };
        return new Attempt(Kind.FORGED, "unsigned post-call", client.postCall(body, header).statusCode());
    }

    private static Attempt misSignedPostCall(IngestClient client, Random random, String marker) {
        var body = bytes(validPostCall(random, marker));
        var now = Instant.now().getEpochSecond();
        HttpResponse<String> response = switch (random.nextInt(5)) {
            case 0 -> client.postCall(body, PostCallSignature.header("wrong-secret-" + random.nextInt(), now, body));
            case 1 -> {
                var signature = IngestClient.signed(body);
                var tampered = body.clone();
                tampered[random.nextInt(tampered.length)] ^= (byte) (1 + random.nextInt(255));
                yield client.postCall(tampered, signature);
            }
            case 2 -> client.postCall(body, PostCallSignature.header(IngestServiceContext.SECRET,
                    now - 1_801 - random.nextInt(100_000), body));
            case 3 -> client.postCall(body, PostCallSignature.header(IngestServiceContext.SECRET,
                    now + 301 + random.nextInt(100_000), body));
            default -> {
                var signature = IngestClient.signed(body).toCharArray();
                var at = signature.length - 1 - random.nextInt(64);
                signature[at] = signature[at] == 'a' ? 'b' : 'a';
                yield client.postCall(body, new String(signature));
            }
        };
        return new Attempt(Kind.FORGED, "mis-signed post-call", response.statusCode());
    }

    private static Attempt signedGarbagePostCall(IngestClient client, Random random, String marker) {
        var body = random.nextInt(5) == 0 ? withMarker(randomBytes(random, random.nextInt(2_000)), marker)
                : mutated(random, validPostCall(random, marker));
        return new Attempt(Kind.SIGNED, "signed garbage post-call", client.postCall(body).statusCode());
    }

    private static Attempt forgedTwilio(IngestClient client, Random random, String marker) {
        var form = TwilioCallbacks.status(TwilioCallbacks.callSid(marker),
                TWILIO_STATUSES[random.nextInt(TWILIO_STATUSES.length)], random.nextBoolean() ? "machine_start" : null);
        var query = random.nextBoolean() ? TwilioCallbacks.query(Ids.random()) : null;
        var publicUrl = IngestServiceContext.PUBLIC_BASE_URL + IngestClient.TWILIO_STATUS
                + (query == null ? "" : "?" + query);
        var signature = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> TwilioCallbacks.sign("wrong-token", publicUrl, form);
            case 2 -> TwilioCallbacks.sign(IngestServiceContext.TWILIO_TOKEN, "http://internal" + IngestClient.TWILIO_STATUS,
                    form);
            default -> {
                var good = TwilioCallbacks.sign(IngestServiceContext.TWILIO_TOKEN, publicUrl, form);
                form.put("CallStatus", form.get("CallStatus") + "x");
                yield good;
            }
        };
        return new Attempt(Kind.FORGED, "forged twilio", client.twilioStatus(query, form, signature).statusCode());
    }

    private static Attempt signedGarbageTwilio(IngestClient client, Random random, String marker) {
        Map<String, String> form;
        if (random.nextInt(4) == 0) {
            // raw garbage: sign what the service will parse out of it, as Twilio would have signed its parameters
            var raw = marker + "=" + new String(randomBytes(random, random.nextInt(500)), StandardCharsets.ISO_8859_1);
            form = FormBody.parse(raw);
            var url = IngestServiceContext.PUBLIC_BASE_URL + IngestClient.TWILIO_STATUS;
            var status = client.post(IngestClient.TWILIO_STATUS, "application/x-www-form-urlencoded",
                    raw.getBytes(StandardCharsets.UTF_8), Map.of(TwilioStatusController.SIGNATURE_HEADER,
                            TwilioCallbacks.sign(IngestServiceContext.TWILIO_TOKEN, url,
                                    FormBody.parse(new String(raw.getBytes(StandardCharsets.UTF_8),
                                            StandardCharsets.UTF_8))))).statusCode();
            return new Attempt(Kind.SIGNED, "signed raw garbage twilio", status);
        }
        form = new LinkedHashMap<>(TwilioCallbacks.status(TwilioCallbacks.callSid(marker),
                TWILIO_STATUSES[random.nextInt(TWILIO_STATUSES.length)], random.nextBoolean() ? "fax" : null));
        for (int i = random.nextInt(4); i > 0; i--) {
            form.put(randomText(random, 12), randomText(random, 40));
        }
        if (random.nextInt(5) == 0) {
            form.put("CallDuration", randomText(random, 5));
        }
        var query = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> TwilioCallbacks.query(Ids.random());
            default -> "call_id=" + java.net.URLEncoder.encode(randomText(random, 10), StandardCharsets.UTF_8)
                    + "&tenant_id=" + UUID.randomUUID();
        };
        return new Attempt(Kind.SIGNED, "signed garbage twilio", client.twilioStatus(query, form).statusCode());
    }

    private static Attempt randomAnything(IngestClient client, Random random, String marker) {
        var path = random.nextBoolean() ? IngestClient.POST_CALL : IngestClient.TWILIO_STATUS;
        var body = withMarker(randomBytes(random, random.nextInt(3_000)), marker);
        var status = client.post(path, CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)], body, Map.of())
                .statusCode();
        return new Attempt(Kind.FORGED, "random unsigned", status);
    }

    private static ObjectNode validPostCall(Random random, String marker) {
        var conversation = PostCallPayloads.conversationId(marker);
        return switch (random.nextInt(3)) {
            case 0 -> PostCallPayloads.transcription(conversation, random.nextBoolean() ? Ids.random() : null);
            case 1 -> PostCallPayloads.initiationFailure(conversation, Ids.random(),
                    TWILIO_STATUSES[random.nextInt(TWILIO_STATUSES.length)]);
            default -> PostCallPayloads.audio(conversation, 1 + random.nextInt(3_000));
        };
    }

    /** Structural mutations of a valid payload, or byte-level damage to it. */
    private static byte[] mutated(Random random, ObjectNode payload) {
        var nodes = new ArrayList<ObjectNode>();
        collect(payload, nodes);
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            var target = nodes.get(random.nextInt(nodes.size()));
            var names = new ArrayList<String>();
            target.fieldNames().forEachRemaining(names::add);
            var name = names.isEmpty() || random.nextInt(4) == 0 ? randomText(random, 8)
                    : names.get(random.nextInt(names.size()));
            if (name.equals("conversation_id") && random.nextBoolean()) {
                continue;
            }
            target.set(name, randomValue(random, 0));
        }
        var bytes = bytes(payload);
        return switch (random.nextInt(4)) {
            case 0 -> {
                var copy = bytes.clone();
                for (int i = 1 + random.nextInt(5); i > 0; i--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                yield copy;
            }
            case 1 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default -> bytes;
        };
    }

    private static JsonNode randomValue(Random random, int depth) {
        var json = PostCallPayloads.JSON.getNodeFactory();
        return switch (random.nextInt(depth > 3 ? 8 : 11)) {
            case 0 -> json.nullNode();
            case 1 -> json.booleanNode(random.nextBoolean());
            case 2 -> json.numberNode(random.nextLong());
            case 3 -> json.numberNode(random.nextDouble() * 1e12 - 5e11);
            case 4 -> json.textNode(randomText(random, 20));
            case 5 -> json.textNode(UUID.randomUUID().toString());
            case 6 -> json.numberNode(new java.math.BigDecimal("1e400"));
            case 7 -> json.textNode("\u0000\uD83D\uDE00\u202E" + randomText(random, 5));
            case 8 -> {
                var array = json.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            case 9 -> {
                JsonNode nested = json.objectNode();
                for (int i = 0; i < 200; i++) {
                    nested = json.arrayNode().add(nested);
                }
                yield nested;
            }
            default -> {
                var object = json.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomText(random, 6), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
            object.elements().forEachRemaining(child -> collect(child, into));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> collect(child, into));
        }
    }

    private static byte[] withMarker(byte[] bytes, String marker) {
        var marked = marker.getBytes(StandardCharsets.UTF_8);
        var result = new byte[bytes.length + marked.length];
        System.arraycopy(marked, 0, result, 0, marked.length);
        System.arraycopy(bytes, 0, result, marked.length, bytes.length);
        return result;
    }

    private static byte[] randomBytes(Random random, int length) {
        var bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String randomText(Random random, int maxLength) {
        var alphabet = "abcXYZ019_-=&%+ .é\"{}[]";
        var text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
