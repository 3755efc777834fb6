package com.revos.voice.simulator.calls.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.revos.voice.simulator.calls.model.CallOutcome;
import com.revos.voice.simulator.calls.model.CallPlan;

/**
 * Builds conversation data and webhook envelopes in ElevenLabs' format (provider-apis.md §5.2 and §7).
 * {@code data_collection_results} carries {@code qualified} (boolean) and {@code qualification_score} (number 0..1),
 * the two items the product's agents are configured to collect.
 */
final class WebhookPayloads {

    static final String POST_CALL_TRANSCRIPTION = "post_call_transcription";
    static final String CALL_INITIATION_FAILURE = "call_initiation_failure";

    private WebhookPayloads() {
    }

    static Map<String, Object> envelope(String type, long eventTimestamp, Map<String, Object> data) {
        return Obj.of("type", type, "event_timestamp", eventTimestamp, "data", data);
    }

    /** The terminal conversation, as both the webhook's {@code data} and {@code GET conversation} show it. */
    static Map<String, Object> conversationData(Conversation c, CallPlan plan) {
        boolean connected = !plan.outcome().neverConnected();
        Map<String, Object> clientData = c.call().clientData();
        return Obj.of(
                "agent_id", c.call().agentId(),
                "conversation_id", c.conversationId(),
                "status", connected ? "done" : "failed",
                "user_id", clientData.get("user_id"),
                "transcript", connected ? transcript(plan, dynamicVariables(clientData)) : List.of(),
                "metadata", metadata(c, plan),
                "analysis", analysis(plan),
                "conversation_initiation_client_data", clientData,
                "has_audio", connected,
                "has_user_audio", connected,
                "has_response_audio", connected);
    }

    /** A call that never connected; field set as public handlers show it (§5.2, partly unconfirmed). */
    static Map<String, Object> initiationFailure(Conversation c, CallPlan plan, String accountSid, long now) {
        String twilioStatus = twilioStatus(plan.outcome());
        Map<String, Object> body = Obj.of(
                "AccountSid", accountSid,
                "ApiVersion", "2010-04-01",
                "CallSid", c.callSid(),
                "CallStatus", twilioStatus,
                "CallDuration", "0",
                "Direction", "outbound-api",
                "From", c.agentNumber(),
                "To", c.call().toNumber(),
                "Timestamp", now);
        return Obj.of(
                "agent_id", c.call().agentId(),
                "conversation_id", c.conversationId(),
                "failure_reason", twilioStatus,
                "metadata", Obj.of("type", "twilio", "body", body));
    }

    /** The conversation while the call is still running: no transcript, no analysis yet. */
    static Map<String, Object> inProgressData(Conversation c) {
        return Obj.of(
                "agent_id", c.call().agentId(),
                "conversation_id", c.conversationId(),
                "status", "in-progress",
                "user_id", c.call().clientData().get("user_id"),
                "transcript", List.of(),
                "metadata", Obj.of("start_time_unix_secs", c.startTimeUnixSecs(), "call_duration_secs", 0,
                        "phone_call", phoneCall(c)),
                "analysis", null,
                "conversation_initiation_client_data", c.call().clientData(),
                "has_audio", false,
                "has_user_audio", false,
                "has_response_audio", false);
    }

    static String twilioStatus(CallOutcome outcome) {
        return switch (outcome) {
            case BUSY -> "busy";
            case NO_ANSWER -> "no-answer";
            case FAILED -> "failed";
            case CONNECTED, VOICEMAIL -> "completed";
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dynamicVariables(Map<String, Object> clientData) {
        return clientData.get("dynamic_variables") instanceof Map<?, ?> vars ? (Map<String, Object>) vars : Map.of();
    }

    private static Map<String, Object> metadata(Conversation c, CallPlan plan) {
        boolean connected = !plan.outcome().neverConnected();
        int secs = plan.talkSecs();
        return Obj.of(
                "start_time_unix_secs", c.startTimeUnixSecs(),
                "accepted_time_unix_secs", connected ? c.startTimeUnixSecs() + plan.ringSecs() : null,
                "call_duration_secs", secs,
                // roughly the Agents list price: ~1,000 credits and ~$0.10 per connected minute
                "cost", secs * 1000 / 60,
                "cost_fiat", Math.round(secs * 0.10 / 60 * 10_000) / 10_000.0,
                "termination_reason", terminationReason(plan),
                "error", connected ? null : Obj.of("code", 1011,
                        "reason", "Twilio reported call status " + twilioStatus(plan.outcome())),
                "warnings", List.of(),
                "main_language", "en",
                "timezone", null,
                "conversation_initiation_source", "twilio",
                "phone_call", phoneCall(c),
                "batch_call", null);
    }

    private static Map<String, Object> phoneCall(Conversation c) {
        return Obj.of(
                "type", "twilio",
                "direction", "outbound",
                "phone_number_id", c.call().agentPhoneNumberId(),
                "agent_number", c.agentNumber(),
                "external_number", c.call().toNumber(),
                "stream_sid", "MZ" + c.callSid().substring(2),
                "call_sid", c.callSid());
    }

    static String terminationReason(CallPlan plan) {
        return switch (plan.outcome()) {
            case CONNECTED -> plan.qualified() ? "end_call tool was called." : "Call ended by remote party";
            case VOICEMAIL -> "voicemail_detection tool was called.";
            case BUSY -> "Call failed: busy";
            case NO_ANSWER -> "Call failed: no-answer";
            case FAILED -> "Call failed";
        };
    }

    private static Map<String, Object> analysis(CallPlan plan) {
        String successful = switch (plan.outcome()) {
            case CONNECTED -> plan.qualified() ? "success" : "failure";
            case VOICEMAIL -> "unknown";
            default -> "failure";
        };
        String summary = switch (plan.outcome()) {
            case CONNECTED -> plan.qualified()
                    ? "The prospect confirmed interest and agreed to a follow-up."
                    : "The prospect listened but was not interested.";
            case VOICEMAIL -> "The call reached voicemail; the agent left no message.";
            default -> "The call did not connect.";
        };
        return Obj.of(
                "call_successful", successful,
                "call_success_score", null,
                "transcript_summary", summary,
                "call_summary_title", plan.outcome() == CallOutcome.CONNECTED ? "Qualification call" : "Unanswered call",
                "evaluation_criteria_results", Map.of("qualification", Obj.of(
                        "criteria_id", "qualification",
                        "result", successful,
                        "rationale", summary)),
                "data_collection_results", Obj.of(
                        "qualified", Obj.of(
                                "data_collection_id", "qualified",
                                "value", plan.qualified(),
                                "json_schema", Obj.of("type", "boolean",
                                        "description", "Whether the prospect is qualified", "enum", null),
                                "rationale", summary),
                        "qualification_score", Obj.of(
                                "data_collection_id", "qualification_score",
                                "value", plan.qualificationScore(),
                                "json_schema", Obj.of("type", "number",
                                        "description", "Qualification score between 0 and 1", "enum", null),
                                "rationale", summary)));
    }

    private static List<Map<String, Object>> transcript(CallPlan plan, Map<String, Object> vars) {
        Object name = vars.getOrDefault("customer_name", "there");
        List<Map<String, Object>> turns = new ArrayList<>();
        int t = 0;
        if (plan.outcome() == CallOutcome.VOICEMAIL) {
            turns.add(turn("user", "Hi, you've reached voicemail. Please leave a message after the tone.", t));
            return turns;
        }
        turns.add(turn("agent", "Hi " + name + ", this is an AI assistant calling on behalf of our team. "
                + "Do you have a minute?", t));
        turns.add(turn("user", "Sure, go ahead.", t += Math.max(1, plan.talkSecs() / 6)));
        turns.add(turn("agent", "Are you currently looking for a solution like ours?", t += Math.max(1, plan.talkSecs() / 6)));
        turns.add(turn("user", plan.qualified() ? "Yes, we are evaluating options this quarter."
                : "Not really, thanks.", t += Math.max(1, plan.talkSecs() / 6)));
        turns.add(turn("agent", plan.qualified() ? "Great, I'll have someone follow up. Goodbye!"
                : "No problem, thanks for your time. Goodbye!", t + Math.max(1, plan.talkSecs() / 6)));
        return turns;
    }

    private static Map<String, Object> turn(String role, String message, int timeInCallSecs) {
        return Obj.of(
                "role", role,
                "message", message,
                "tool_calls", List.of(),
                "tool_results", List.of(),
                "feedback", null,
                "time_in_call_secs", timeInCallSecs,
                "conversation_turn_metrics", null,
                "interrupted", false);
    }
}
