package com.revos.voice.dialer.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The provider's side of every dialer test: a WireMock extension that records each outbound call the stub accepted
 * (status 200), at the moment the request arrived and before any answer delay (a call the provider places even when
 * its answer reaches the dialer too late), and serves the conversation list and details from that record, as
 * ElevenLabs does (provider-apis.md section 7): so what the dialer learns when it resolves an ambiguous attempt is
 * what really happened at the provider. Conversation ids are {@code conv_<our call id>}, as the outbound stub answers.
 */
final class ProviderWitness implements ServeEventListener {

    static final String NAME = "provider-witness";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call the provider placed. */
    record Placed(String conversationId, String callId, String agentId, String toNumber, Instant arrivedAt) {
    }

    private final Map<String, Placed> byConversation = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Placed> arrivals = new ConcurrentLinkedQueue<>();

    @Override
    public String getName() {
        return "provider-witness-listener";
    }

    /** Serves the conversation list and details (only on the stubs that name it). */
    final ResponseDefinitionTransformerV2 conversations = new ResponseDefinitionTransformerV2() {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            return conversationsFor(event);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    };

    @Override
    public void afterMatch(ServeEvent event, Parameters parameters) {
        var request = event.getRequest();
        if (!"POST".equals(request.getMethod().getName()) || !DialerIntegrationTest.OUTBOUND.equals(request.getUrl())
                || event.getResponseDefinition() == null || event.getResponseDefinition().getStatus() != 200) {
            return;
        }
        try {
            var body = JSON.readTree(request.getBodyAsString());
            var callId = body.at("/conversation_initiation_client_data/dynamic_variables/call_id").asText(null);
            if (callId != null) {
                placed(callId, body.path("agent_id").asText(), body.path("to_number").asText());
            }
        } catch (Exception e) {
            throw new IllegalStateException("outbound call body is not JSON", e);
        }
    }

    /** Records a placed call, as when the request reached the provider. */
    Placed placed(String callId, String agentId, String toNumber) {
        var placed = new Placed(conversationId(callId), callId, agentId, toNumber, Instant.now());
        if (byConversation.putIfAbsent(placed.conversationId(), placed) == null) {
            arrivals.add(placed);
        }
        return placed;
    }

    static String conversationId(String callId) {
        return "conv_" + callId;
    }

    /** The calls the provider placed to {@code toNumber}. */
    List<Placed> placedTo(String toNumber) {
        return arrivals.stream().filter(p -> p.toNumber().equals(toNumber)).toList();
    }

    /** Every call placed since {@code since}, in arrival order. */
    List<Placed> placedSince(Instant since) {
        return arrivals.stream().filter(p -> !p.arrivedAt().isBefore(since)).toList();
    }

    Optional<Placed> find(String conversationId) {
        return Optional.ofNullable(byConversation.get(conversationId));
    }

    private ResponseDefinition conversationsFor(ServeEvent event) {
        var request = event.getRequest();
        var path = request.getUrl().split("\\?")[0];
        if (path.endsWith("/Calls.json")) {
            return twilioCalls(request);
        }
        if (path.equals("/v1/convai/conversations")) {
            var agent = request.queryParameter("agent_id").isPresent()
                    ? request.queryParameter("agent_id").firstValue() : null;
            var after = request.queryParameter("call_start_after_unix").isPresent()
                    ? Long.parseLong(request.queryParameter("call_start_after_unix").firstValue()) : 0;
            var conversations = new ArrayList<Map<String, Object>>();
            for (var placed : arrivals) {
                if ((agent == null || agent.equals(placed.agentId())) && placed.arrivedAt().getEpochSecond() >= after) {
                    conversations.add(Map.of("conversation_id", placed.conversationId(), "status", "in-progress",
                            "start_time_unix_secs", placed.arrivedAt().getEpochSecond()));
                }
            }
            return json(200, Map.of("conversations", conversations, "has_more", false));
        }
        var conversationId = path.substring(path.lastIndexOf('/') + 1);
        return find(conversationId).map(placed -> {
            var details = new LinkedHashMap<String, Object>();
            details.put("conversation_id", placed.conversationId());
            details.put("agent_id", placed.agentId());
            details.put("status", "in-progress");
            details.put("metadata", Map.of("phone_call", Map.of("call_sid", callSid(placed.callId()),
                    "external_number", placed.toNumber())));
            details.put("conversation_initiation_client_data",
                    Map.of("dynamic_variables", Map.of("call_id", placed.callId())));
            return json(200, details);
        }).orElseGet(() -> json(404, Map.of("detail", Map.of("status", "conversation_not_found"))));
    }

    /**
     * Twilio's Calls list of the account (provider-apis.md section 10): every call placed to {@code To}; the stub's
     * calling number is not known to the witness, so {@code From} is not filtered.
     */
    private ResponseDefinition twilioCalls(com.github.tomakehurst.wiremock.verification.LoggedRequest request) {
        var to = request.queryParameter("To").isPresent() ? request.queryParameter("To").firstValue() : null;
        var calls = new ArrayList<Map<String, Object>>();
        for (var placed : arrivals) {
            if (to == null || to.equals(placed.toNumber())) {
                calls.add(Map.of("sid", callSid(placed.callId()), "to", placed.toNumber(), "status", "in-progress",
                        "start_time", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                placed.arrivedAt().atZone(java.time.ZoneOffset.UTC))));
            }
        }
        return json(200, Map.of("calls", calls, "page", 0, "page_size", 50, "next_page_uri", ""));
    }

    static String callSid(String callId) {
        return "CA" + callId.replace("-", "");
    }

    private static ResponseDefinition json(int status, Object body) {
        try {
            return ResponseDefinition.okForJson(body).getStatus() == status
                    ? ResponseDefinition.okForJson(body)
                    : new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(status)
                            .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body))
                            .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of a request, for tests that read what was sent. */
    static JsonNode body(ServeEvent event) {
        try {
            return JSON.readTree(event.getRequest().getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
