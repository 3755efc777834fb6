package com.revos.voice.webhook.intake.infrastructure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.revos.voice.events.CallResult;
import com.revos.voice.events.CallTiming;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.webhook.intake.application.PostCallReader;
import com.revos.voice.webhook.intake.model.EchoedIds;
import com.revos.voice.webhook.intake.model.EventIds;
import com.revos.voice.webhook.intake.model.FormBody;
import com.revos.voice.webhook.intake.model.InvalidWebhookException;
import com.revos.voice.webhook.intake.model.Normalized;
import com.revos.voice.webhook.intake.model.OutcomeRules;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a verified ElevenLabs post-call webhook (provider-apis.md 5.2) into what the rest of the product needs:
 * a normalized {@link CallReported}, or the fact that a recording exists. Reads defensively: the payload shapes
 * evolve and {@code call_initiation_failure} is only partly documented.
 */
public final class JacksonPostCallReader implements PostCallReader {

    public static final String TRANSCRIPTION = "post_call_transcription";
    public static final String INITIATION_FAILURE = "call_initiation_failure";
    public static final String AUDIO = "post_call_audio";

    // base64 recordings are long strings: allow them, the body size limit bounds them anyway
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(256 * 1024 * 1024).build())
            .build()).build();

    @Override
    public Normalized normalize(byte[] body, Instant receivedAt) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            return new Normalized.Unreadable("unknown", null, "not JSON");
        }
        if (root == null || !root.isObject()) {
            return new Normalized.Unreadable("unknown", null, "not a JSON object");
        }
        var type = JsonFields.text(root, "type");
        var data = root.path("data");
        var kind = type == null ? "unknown" : switch (type) {
            case TRANSCRIPTION, INITIATION_FAILURE, AUDIO -> type;
            default -> "unknown";
        };
        var conversationId = data.isObject() ? JsonFields.text(data, "conversation_id") : null;
        try {
            if ("unknown".equals(kind)) {
                throw new InvalidWebhookException("unknown webhook type");
            }
            if (!data.isObject()) {
                throw new InvalidWebhookException("data is not an object");
            }
            if (conversationId == null || conversationId.isBlank()) {
                throw new InvalidWebhookException("data.conversation_id is missing");
            }
            var time = JsonFields.epochSeconds(root, "event_timestamp");
            var eventTime = time == null ? receivedAt : time;
            return switch (kind) {
                case TRANSCRIPTION -> reported(kind, eventTime, transcription(data, conversationId, eventTime));
                case INITIATION_FAILURE -> reported(kind, eventTime,
                        initiationFailure(data, conversationId, eventTime));
                default -> audio(data, conversationId, receivedAt);
            };
        } catch (InvalidWebhookException e) {
            return new Normalized.Unreadable(kind, conversationId, e.reason());
        } catch (RuntimeException e) {
            // a signed webhook we failed on is kept in the quarantine, not answered with a 500 and lost
            return new Normalized.Unreadable(kind, conversationId, "cannot normalize: " + e.getClass().getSimpleName());
        }
    }

    private static Normalized reported(String kind, Instant time, CallReported report) {
        return new Normalized.Reported(kind, EventIds.callReported(PROVIDER, kind, report.providerCallId()), time,
                report);
    }

    private static CallReported transcription(JsonNode data, String conversationId, Instant eventTime) {
        var metadata = data.path("metadata");
        if (!metadata.isObject()) {
            // without metadata there is no duration, cost or termination: nothing to tell an outcome by
            throw new InvalidWebhookException("data.metadata is missing");
        }
        var analysis = data.path("analysis");
        var duration = JsonFields.nonNegativeInt(metadata, "call_duration_secs");
        var terminationReason = JsonFields.text(metadata, "termination_reason");
        var providerError = metadata.path("error").isObject() && !metadata.path("error").isEmpty();
        var outcome = OutcomeRules.forConversation(JsonFields.text(data, "status"), terminationReason, providerError,
                duration, contactSpoke(data.path("transcript")));
        var collected = analysis.path("data_collection_results");
        var qualified = qualified(outcome, collected.path("qualified").path("value"),
                JsonFields.text(analysis, "call_successful"));
        var score = JsonFields.number(collected.path("qualification_score").path("value"));
        var phoneCall = metadata.path("phone_call");
        return new CallReported(PROVIDER, TRANSCRIPTION, conversationId, JsonFields.text(phoneCall, "call_sid"),
                JsonFields.text(data, "agent_id"), JsonFields.text(phoneCall, "external_number"),
                new CallTiming(JsonFields.epochSeconds(metadata, "start_time_unix_secs"), duration), outcome, true,
                new CallResult(qualified, score, terminationReason, analysis(analysis, data.path("transcript")),
                        JsonFields.text(analysis, "transcript_summary")),
                new CallReported.Charge(JsonFields.decimal(metadata, "cost_fiat"), JsonFields.decimal(metadata, "cost")),
                echoed(data), eventTime);
    }

    private static CallReported initiationFailure(JsonNode data, String conversationId, Instant eventTime) {
        var failureReason = JsonFields.text(data, "failure_reason");
        var providerBody = providerBody(data.path("metadata").path("body"));
        var providerStatus = firstText(providerBody, "CallStatus", "call_status", "status");
        var outcome = OutcomeRules.forInitiationFailure(failureReason, providerStatus);
        return new CallReported(PROVIDER, INITIATION_FAILURE, conversationId,
                firstText(providerBody, "CallSid", "call_sid"), JsonFields.text(data, "agent_id"),
                firstText(providerBody, "To", "to", "to_number"), new CallTiming(null, 0), outcome, true,
                new CallResult(false, null, failureReason, Map.of(), null), CallReported.Charge.NONE, echoed(data),
                eventTime);
    }

    private static Normalized audio(JsonNode data, String conversationId, Instant receivedAt) {
        var encoded = JsonFields.text(data, "full_audio");
        if (encoded == null) {
            throw new InvalidWebhookException("data.full_audio is missing");
        }
        try {
            return new Normalized.AudioReceived(AUDIO, EventIds.recordingReported(PROVIDER, conversationId),
                    receivedAt, conversationId, JsonFields.text(data, "agent_id"),
                    Base64.getMimeDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException("data.full_audio is not base64");
        }
    }

    private static Map<String, String> echoed(JsonNode data) {
        var variables = data.path("conversation_initiation_client_data").path("dynamic_variables");
        if (!variables.isObject()) {
            return Map.of();
        }
        return EchoedIds.from(name -> JsonFields.text(variables, name));
    }

    /** Twilio/SIP details come as an object, or as the provider's form body or JSON in a string. */
    private static JsonNode providerBody(JsonNode body) {
        if (body.isObject()) {
            return body;
        }
        if (body.isTextual()) {
            var text = body.asText();
            try {
                if (text.strip().startsWith("{")) {
                    return JSON.readTree(text);
                }
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
            var form = JSON.createObjectNode();
            FormBody.parse(text).forEach(form::put);
            return form;
        }
        return JSON.createObjectNode();
    }

    private static @Nullable String firstText(JsonNode node, String... fields) {
        for (var field : fields) {
            var value = JsonFields.text(node, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static java.util.Optional<Double> agentReplySecs(JsonNode transcript) {
        if (!transcript.isArray()) {
            return java.util.Optional.empty();
        }
        Double user = null;
        Double agent = null;
        for (var turn : transcript) {
            var at = turn.path("time_in_call_secs");
            var message = JsonFields.text(turn, "message");
            if (!at.isNumber() || message == null || message.isBlank()) {
                continue;
            }
            var role = JsonFields.text(turn, "role");
            if (user == null && "user".equals(role)) {
                user = at.asDouble();
            } else if (agent == null && "agent".equals(role)) {
                agent = at.asDouble();
            }
        }
        if (user == null) {
            return java.util.Optional.empty();
        }
        // the person spoke and the agent never did: as late as a reply can be (the call's length is its bound)
        return java.util.Optional.of(agent == null ? Double.valueOf(Integer.MAX_VALUE) : Math.max(0, agent - user));
    }

    private static boolean contactSpoke(JsonNode transcript) {
        if (!transcript.isArray()) {
            return false;
        }
        for (var turn : transcript) {
            var message = JsonFields.text(turn, "message");
            if ("user".equals(JsonFields.text(turn, "role")) && message != null && !message.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The agent's own {@code qualified} data point wins; without it {@code call_successful} speaks. A call that did
     * not connect qualifies no one, whatever the analysis says.
     */
    private static @Nullable Boolean qualified(CallOutcome outcome, JsonNode collected, @Nullable String callSuccessful) {
        if (outcome != CallOutcome.CONNECTED) {
            return false;
        }
        var fromAgent = JsonFields.yesNo(collected);
        if (fromAgent != null) {
            return fromAgent;
        }
        if ("success".equalsIgnoreCase(callSuccessful)) {
            return true;
        }
        return "failure".equalsIgnoreCase(callSuccessful) ? false : null;
    }

    /**
     * Data collection and evaluation results, flattened to id → value, and {@code agent_reply_secs}: how long after
     * the person first spoke the agent first did (0 when the agent spoke first, 2^31-1 when it never did), from the
     * transcript's timing, for
     * the dialer's abandoned-call count (more than 2 s). Never the transcript itself (personal data).
     */
    private static Map<String, Object> analysis(JsonNode analysis, JsonNode transcript) {
        var result = new LinkedHashMap<String, Object>();
        if (analysis.isObject()) {
            // with the analysis, once the provider has one
            agentReplySecs(transcript).ifPresent(secs -> result.put("agent_reply_secs", secs));
        }
        var callSuccessful = JsonFields.text(analysis, "call_successful");
        if (callSuccessful != null) {
            result.put("call_successful", callSuccessful);
        }
        var collected = new LinkedHashMap<String, Object>();
        analysis.path("data_collection_results").properties()
                .forEach(entry -> collected.put(entry.getKey(), plain(entry.getValue().path("value"))));
        if (!collected.isEmpty()) {
            result.put("data_collection", collected);
        }
        var evaluated = new LinkedHashMap<String, Object>();
        analysis.path("evaluation_criteria_results").properties()
                .forEach(entry -> evaluated.put(entry.getKey(), JsonFields.text(entry.getValue(), "result")));
        if (!evaluated.isEmpty()) {
            result.put("evaluation", evaluated);
        }
        return result;
    }

    private static @Nullable Object plain(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : JSON.convertValue(value, Object.class);
    }
}
