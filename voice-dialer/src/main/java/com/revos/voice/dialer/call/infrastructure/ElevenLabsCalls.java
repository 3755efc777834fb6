package com.revos.voice.dialer.call.infrastructure;

import com.revos.voice.dialer.call.application.CallProvider;
import com.revos.voice.dialer.call.model.ConversationStatus;
import com.revos.voice.dialer.call.model.PlaceCall;
import com.revos.voice.dialer.call.model.PlacedCallQuery;
import com.revos.voice.dialer.call.model.ProviderResult;
import com.revos.voice.dialer.call.model.Resolution;
import com.revos.voice.dialer.call.model.SendGate;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.jspecify.annotations.Nullable;

/**
 * ElevenLabs outbound calls via Twilio ({@code POST /v1/convai/twilio/outbound-call}, provider-apis.md section 3)
 * behind a circuit breaker. Each answer is classified by what it proves: a request that never left (gate refused,
 * connection refused, circuit open) or a 429 placed no call; a read timeout, a reset after sending or a 5xx proves
 * nothing (ambiguous: the call may exist); 401/402/403/422 refuse the account; other 4xx refuse this call.
 * Ambiguous attempts are looked up later in the conversations list, by our call id in their dynamic variables.
 */
class ElevenLabsCalls implements CallProvider {

    private static final Logger log = LoggerFactory.getLogger(ElevenLabsCalls.class);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };
    private static final int MAX_LOOKUP_PAGES = 20;
    /** How far before our send time a conversation's recorded start may lie (clock skew between us and them). */
    private static final long START_SKEW_SECS = 30;

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
        if (result instanceof ProviderResult.Unavailable unavailable && "not_sent".equals(unavailable.code())) {
            // held back at the gate (fenced off, or refused by the compliance check): the provider was not asked
            breaker.releasePermission();
        } else if (result instanceof ProviderResult.Unavailable || result instanceof ProviderResult.Ambiguous) {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, new ProviderUnavailableException(result.reason()));
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
                var conversationId = text(response.get("conversation_id"));
                if (conversationId != null) {
                    return new ProviderResult.Placed(conversationId, text(response.get("callSid")));
                }
                // accepted without the id we need to follow the call: whether it was placed is not known
                return new ProviderResult.Ambiguous("success without a conversation_id", "no_conversation_id");
            }
            var message = response == null ? "empty response" : String.valueOf(response.get("message"));
            return new ProviderResult.Rejected(abbreviate(message), "success_false");
        } catch (RestClientResponseException e) {
            return classify(e.getStatusCode(), e.getResponseBodyAsString());
        } catch (ResourceAccessException e) {
            return classify(e);
        }
    }

    private static ProviderResult classify(ResourceAccessException e) {
        var cause = e.getCause();
        if (cause instanceof GateInterrupted) {
            Thread.currentThread().interrupt();
            return new ProviderResult.Unavailable("interrupted before sending", "interrupted");
        }
        if (cause instanceof NotSent notSent) {
            return new ProviderResult.Unavailable(String.valueOf(notSent.getMessage()), "not_sent");
        }
        // nothing was written: no connection (refused, timed out, no such host) or none free in the pool
        if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof ConnectionRequestTimeoutException) {
            log.debug("ElevenLabs unreachable", e);
            return new ProviderResult.Unavailable("provider unreachable: " + cause.getClass().getSimpleName(),
                    "connect_failed");
        }
        log.debug("ElevenLabs answer lost", e);
        return new ProviderResult.Ambiguous("no answer from the provider after sending ("
                + (cause == null ? e.getClass().getSimpleName() : cause.getClass().getSimpleName()) + ")",
                "answer_lost");
    }

    private static ProviderResult classify(HttpStatusCode status, String body) {
        var code = "http_" + status.value();
        if (status.value() == 429) {
            return new ProviderResult.Unavailable("provider is at its limit (429): " + abbreviate(body), code);
        }
        if (status.is5xxServerError()) {
            return new ProviderResult.Ambiguous("provider answered " + status.value() + " after receiving the call",
                    code);
        }
        if (status.value() == 401 || status.value() == 402 || status.value() == 403 || status.value() == 422) {
            return new ProviderResult.AccountRefused("provider refused the account (" + status.value() + "): "
                    + abbreviate(body), code);
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
            var metadata = map(response.get("metadata"));
            var analysis = map(response.get("analysis"));
            var duration = metadata.get("call_duration_secs") instanceof Number n ? n.intValue() : null;
            var successful = analysis.get("call_successful") instanceof String s ? "success".equals(s) : null;
            var summary = analysis.get("transcript_summary") instanceof String s ? s : null;
            return Optional.of(new ConversationStatus(text(response.get("status")), duration,
                    decimal(metadata.get("cost_fiat")), decimal(metadata.get("cost")),
                    text(metadata.get("termination_reason")), successful, summary, analysisOf(analysis)));
        } catch (RestClientResponseException | ResourceAccessException e) {
            log.debug("Conversation {} lookup failed", conversationId, e);
            return Optional.empty();
        }
    }

    @Override
    public Resolution find(PlacedCallQuery query) {
        try {
            String cursor = null;
            for (int page = 0; page < MAX_LOOKUP_PAGES; page++) {
                var from = query.sentAt().getEpochSecond() - START_SKEW_SECS;
                var pageCursor = cursor;
                var response = http.get().uri(builder -> {
                    builder.path("/v1/convai/conversations").queryParam("call_start_after_unix", from)
                            .queryParam("page_size", 100);
                    var agentId = query.providerAgentId();
                    if (agentId != null) {
                        builder.queryParam("agent_id", agentId);
                    }
                    if (pageCursor != null) {
                        builder.queryParam("cursor", pageCursor);
                    }
                    return builder.build();
                }).retrieve().body(JSON_MAP);
                if (response == null) {
                    return new Resolution.Undecided("empty conversations page");
                }
                if (response.get("conversations") instanceof java.util.List<?> conversations) {
                    for (var item : conversations) {
                        var found = ours(map(item), query);
                        if (found.isPresent()) {
                            return found.get();
                        }
                    }
                }
                cursor = text(response.get("next_cursor"));
                if (!Boolean.TRUE.equals(response.get("has_more")) || cursor == null) {
                    return new Resolution.Absent();
                }
            }
            return new Resolution.Undecided("more than " + MAX_LOOKUP_PAGES + " pages of conversations");
        } catch (RestClientResponseException | ResourceAccessException e) {
            log.debug("Conversation list for call {} failed", query.callId(), e);
            return new Resolution.Undecided("provider could not be asked: " + e.getClass().getSimpleName());
        }
    }

    /** The summary is ours when the conversation's own dynamic variables carry our call id. */
    private Optional<Resolution> ours(Map<?, ?> summary, PlacedCallQuery query) {
        var conversationId = text(summary.get("conversation_id"));
        if (conversationId == null) {
            return Optional.empty();
        }
        var details = http.get().uri("/v1/convai/conversations/{id}", conversationId).retrieve().body(JSON_MAP);
        if (details == null) {
            return Optional.empty();
        }
        var variables = map(map(details.get("conversation_initiation_client_data")).get("dynamic_variables"));
        if (!query.callId().toString().equals(text(variables.get("call_id")))) {
            return Optional.empty();
        }
        var phoneCall = map(map(details.get("metadata")).get("phone_call"));
        return Optional.of(new Resolution.Found(conversationId, text(phoneCall.get("call_sid"))));
    }

    private static Map<String, Object> analysisOf(Map<?, ?> analysis) {
        var result = new LinkedHashMap<String, Object>();
        if (analysis.get("call_successful") != null) {
            result.put("call_successful", analysis.get("call_successful"));
        }
        var collected = new LinkedHashMap<String, Object>();
        map(analysis.get("data_collection_results")).forEach((id, value) ->
                collected.put(String.valueOf(id), map(value).get("value")));
        if (!collected.isEmpty()) {
            result.put("data_collection", collected);
        }
        return result;
    }

    private static Map<?, ?> map(@Nullable Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static @Nullable BigDecimal decimal(@Nullable Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static String abbreviate(@Nullable String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
    }

    /** The gate of the request this thread is about to write (blocking HTTP: the same thread writes it). */
    private static final ThreadLocal<SendGate> WRITING = new ThreadLocal<>();

    /**
     * Tells the gate of the request this thread is writing that the client has flushed it to its socket; the provider
     * client's connections call it after each flush ({@link WriteReportingConnections}), on the thread that passed
     * the gate ({@link #gateInterceptor}).
     */
    static void flushed() {
        var gate = WRITING.get();
        if (gate != null) {
            WRITING.remove();
            gate.written(System.nanoTime());
        }
    }

    /**
     * Passes the call's gate right before the request is written: pacing and fencing closest to the wire. With
     * {@code sendTimeHeader}, the request then carries the instant it passed (a benchmark's witness reads it).
     */
    static ClientHttpRequestInterceptor gateInterceptor(@Nullable String sendTimeHeader, Executor wire) {
        return (request, requestBody, execution) -> {
            if (!(request.getAttributes().get(GATE) instanceof SendGate gate)) {
                return execution.execute(request, requestBody);
            }
            try {
                if (!gate.pass()) {
                    throw new NotSent();
                }
            } catch (InterruptedException e) {
                throw new GateInterrupted();
            }
            return onWireThread(wire, () -> {
                try {
                    if (!gate.atWire()) {
                        throw new NotSent("not sent: it reached the wire too late after its move to sending, when "
                                + "recovery may already have judged it");
                    }
                } catch (InterruptedException e) {
                    throw new GateInterrupted();
                }
                if (sendTimeHeader != null && !sendTimeHeader.isBlank()) {
                    request.getHeaders().set(sendTimeHeader, java.time.Instant.now().toString());
                }
                WRITING.set(gate);
                try {
                    return execution.execute(request, requestBody);
                } finally {
                    WRITING.remove();
                }
            });
        };
    }

    /**
     * Runs the last pacing step and the request on a platform thread of {@code wire}: a virtual thread woken from
     * the pacing cap waits for a carrier, busy with the dialer's database work, and the calls it holds back leave
     * together. The caller waits for the answer; interrupted, it still waits (the request may be on the wire, and
     * its own timeouts end it), so that what is recorded is what the provider answered.
     */
    private static ClientHttpResponse onWireThread(Executor wire, Callable<ClientHttpResponse> send)
            throws java.io.IOException {
        var task = new FutureTask<>(send);
        wire.execute(task);
        var interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case java.io.IOException io -> throw io;
                        case RuntimeException runtime -> throw runtime;
                        case Error error -> throw error;
                        case null, default -> throw new java.io.IOException(e.getCause());
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The gate was interrupted (shutdown): nothing was sent. */
    static final class GateInterrupted extends java.io.IOException {
        GateInterrupted() {
            super("interrupted before sending");
        }
    }

    /** The gate refused: this instance no longer owns the attempt. Nothing was sent. */
    static final class NotSent extends java.io.IOException {
        NotSent() {
            this("not sent: the attempt is no longer this instance's to send");
        }

        NotSent(String why) {
            super(why);
        }
    }

    /** Recorded on the circuit breaker for an outage answer. */
    static final class ProviderUnavailableException extends RuntimeException {
        ProviderUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
