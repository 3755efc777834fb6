package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.call.application.CallProvider;
import com.revos.voice.dialer.call.model.ConversationStatus;
import com.revos.voice.dialer.call.model.PlaceCall;
import com.revos.voice.dialer.call.model.ProviderResult;
import com.revos.voice.dialer.call.model.SendGate;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * ElevenLabs outbound calls via Twilio ({@code POST /v1/convai/twilio/outbound-call}, provider-apis.md section 3)
 * behind a circuit breaker: 5xx, 429 and I/O errors count as failures and, once it opens, calls are deferred
 * without reaching the provider. Our correlation ids travel as dynamic variables so the webhook can be tied back.
 */
class ElevenLabsCalls implements CallProvider {

    private static final Logger log = LoggerFactory.getLogger(ElevenLabsCalls.class);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    /** The request attribute holding the call's {@link SendGate}. */
    static final String GATE = SendGate.class.getName();

    private final RestClient http;
    private final CircuitBreaker breaker;

    ElevenLabsCalls(RestClient http, CircuitBreaker breaker) {
        this.http = http;
        this.breaker = breaker;
    }

    @Override
    public ProviderResult place(PlaceCall call) {
        if (!breaker.tryAcquirePermission()) {
            return new ProviderResult.Unavailable("circuit breaker open", "circuit_open");
        }
        var started = System.nanoTime();
        var result = send(call);
        var elapsed = System.nanoTime() - started;
        if (result instanceof ProviderResult.Unavailable unavailable) {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, new ProviderUnavailableException(unavailable.reason()));
        } else {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        }
        return result;
    }

    private ProviderResult send(PlaceCall call) {
        var body = new LinkedHashMap<String, Object>();
        body.put("agent_id", call.providerAgentId());
        body.put("agent_phone_number_id", call.providerPhoneNumberId());
        body.put("to_number", call.toNumber());
        body.put("conversation_initiation_client_data", Map.of("dynamic_variables", call.dynamicVariables()));
        try {
            var response = http.post().uri("/v1/convai/twilio/outbound-call").attribute(GATE, call.gate()).body(body)
                    .retrieve().body(JSON_MAP);
            if (response != null && Boolean.TRUE.equals(response.get("success"))) {
                return new ProviderResult.Placed(text(response.get("conversation_id")), text(response.get("callSid")));
            }
            var message = response == null ? "empty response" : String.valueOf(response.get("message"));
            return new ProviderResult.Rejected(message, "success_false");
        } catch (RestClientResponseException e) {
            return classify(e.getStatusCode(), e.getResponseBodyAsString());
        } catch (ResourceAccessException e) {
            if (e.getCause() instanceof GateInterrupted) {
                Thread.currentThread().interrupt();
                return new ProviderResult.Unavailable("interrupted before sending", "interrupted");
            }
            log.debug("ElevenLabs unreachable", e);
            return new ProviderResult.Unavailable("provider unreachable: " + e.getMessage(), "io_error");
        }
    }

    private static ProviderResult classify(HttpStatusCode status, String body) {
        var code = "http_" + status.value();
        if (status.is5xxServerError() || status.value() == 429) {
            return new ProviderResult.Unavailable("provider answered " + status.value(), code);
        }
        return new ProviderResult.Rejected("provider refused the call (" + status.value() + "): "
                + abbreviate(body), code);
    }

    @Override
    public Optional<ConversationStatus> conversation(String conversationId) {
        try {
            var response = http.get().uri("/v1/convai/conversations/{id}", conversationId).retrieve().body(JSON_MAP);
            if (response == null) {
                return Optional.empty();
            }
            var metadata = response.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
            var analysis = response.get("analysis") instanceof Map<?, ?> a ? a : Map.of();
            var duration = metadata.get("call_duration_secs") instanceof Number n ? n.intValue() : null;
            var cost = metadata.get("cost") instanceof Number n ? new BigDecimal(n.toString()) : null;
            var successful = analysis.get("call_successful") instanceof String s ? "success".equals(s) : null;
            return Optional.of(new ConversationStatus(text(response.get("status")), duration, cost,
                    text(metadata.get("termination_reason")), successful));
        } catch (RestClientResponseException | ResourceAccessException e) {
            log.debug("Conversation {} lookup failed", conversationId, e);
            return Optional.empty();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
    }

    /** Awaits the call's gate right before the request is written: the pacing point closest to the wire. */
    static ClientHttpRequestInterceptor gateInterceptor() {
        return (request, requestBody, execution) -> {
            if (request.getAttributes().get(GATE) instanceof SendGate gate) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    throw new GateInterrupted();
                }
            }
            return execution.execute(request, requestBody);
        };
    }

    /** The gate was interrupted (shutdown): nothing was sent. */
    static final class GateInterrupted extends java.io.IOException {
        GateInterrupted() {
            super("interrupted before sending");
        }
    }

    /** Recorded on the circuit breaker for an outage answer. */
    static final class ProviderUnavailableException extends RuntimeException {
        ProviderUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
