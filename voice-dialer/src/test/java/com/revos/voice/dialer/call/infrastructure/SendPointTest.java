package com.revos.voice.dialer.call.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.dialer.call.model.SendGate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

/** The outbound-call request's way out: the gate, then the last pacing step and the write on one platform thread. */
class SendPointTest {

    private final ExecutorService wire = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final AtomicReference<Thread> pacedOn = new AtomicReference<>();
    private final AtomicReference<Thread> writtenOn = new AtomicReference<>();
    private final MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.POST,
            "/v1/convai/twilio/outbound-call");
    private final ClientHttpRequestExecution provider = (sent, body) -> {
        writtenOn.set(Thread.currentThread());
        steps.add("written");
        return new MockClientHttpResponse(new byte[0], HttpStatus.OK);
    };

    @AfterEach
    void stopWire() {
        wire.shutdownNow();
    }

    @Test
    void a_call_is_paced_last_on_the_platform_thread_that_writes_it_and_says_when_it_left() throws Exception {
        request.getAttributes().put(ElevenLabsCalls.GATE, gate(true, false, false));

        var before = Instant.now();
        var response = fromADialThread(ElevenLabsCalls.gateInterceptor("X-Revos-Sent-At", wire));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(steps).containsExactly("passed", "paced at the wire", "written");
        assertThat(pacedOn.get()).isSameAs(writtenOn.get());
        assertThat(writtenOn.get().isVirtual()).as("no carrier to wait for between the cap and the write").isFalse();
        assertThat(Instant.parse(request.getHeaders().getFirst("X-Revos-Sent-At"))).isBetween(before, Instant.now());
    }

    @Test
    void the_gate_hears_when_its_request_was_flushed_on_the_thread_that_wrote_it() throws Exception {
        var flushedOn = new AtomicReference<Thread>();
        var flushedAt = new java.util.concurrent.atomic.AtomicLong();
        var gate = new SendGate() {
            @Override
            public boolean pass() {
                return true;
            }

            @Override
            public void written(long nanoTime) {
                flushedOn.set(Thread.currentThread());
                flushedAt.set(nanoTime);
            }
        };
        request.getAttributes().put(ElevenLabsCalls.GATE, gate);
        ClientHttpRequestExecution flushing = (sent, body) -> {
            writtenOn.set(Thread.currentThread());
            ElevenLabsCalls.flushed(); // what the provider client's connection does after each flush
            ElevenLabsCalls.flushed(); // a second flush in the same exchange is no second report
            return new MockClientHttpResponse(new byte[0], HttpStatus.OK);
        };
        var before = System.nanoTime();

        var call = new FutureTask<>(() -> ElevenLabsCalls.gateInterceptor(null, wire).intercept(request, new byte[0],
                flushing));
        Thread.ofVirtual().start(call);
        call.get(10, TimeUnit.SECONDS);

        assertThat(flushedOn.get()).isSameAs(writtenOn.get());
        assertThat(flushedAt.get()).isBetween(before, System.nanoTime());
    }

    @Test
    void without_a_header_name_the_request_carries_no_send_time() throws Exception {
        request.getAttributes().put(ElevenLabsCalls.GATE, gate(true, false, false));

        fromADialThread(ElevenLabsCalls.gateInterceptor(null, wire));

        assertThat(steps).containsExactly("passed", "paced at the wire", "written");
        assertThat(request.getHeaders().containsHeader("X-Revos-Sent-At")).isFalse();
    }

    @Test
    void a_refused_gate_sends_nothing_and_skips_the_last_pacing_step() {
        request.getAttributes().put(ElevenLabsCalls.GATE, gate(false, false, false));

        assertThatThrownBy(() -> fromADialThread(ElevenLabsCalls.gateInterceptor("X-Revos-Sent-At", wire)))
                .hasCauseInstanceOf(ElevenLabsCalls.NotSent.class);
        assertThat(steps).containsExactly("passed");
    }

    @Test
    void a_request_that_reaches_the_wire_too_late_for_its_attempt_is_not_written() {
        request.getAttributes().put(ElevenLabsCalls.GATE, gate(true, false, true));

        assertThatThrownBy(() -> fromADialThread(ElevenLabsCalls.gateInterceptor("X-Revos-Sent-At", wire)))
                .hasCauseInstanceOf(ElevenLabsCalls.NotSent.class);
        assertThat(steps).containsExactly("passed", "paced at the wire");
        assertThat(writtenOn.get()).isNull();
    }

    @Test
    void interrupted_while_paced_at_the_wire_nothing_is_written() {
        request.getAttributes().put(ElevenLabsCalls.GATE, gate(true, true, false));

        assertThatThrownBy(() -> fromADialThread(ElevenLabsCalls.gateInterceptor("X-Revos-Sent-At", wire)))
                .hasCauseInstanceOf(ElevenLabsCalls.GateInterrupted.class);
        assertThat(steps).containsExactly("passed");
        assertThat(writtenOn.get()).isNull();
    }

    @Test
    void a_request_without_a_gate_is_written_where_it_was_made() throws Exception {
        var response = ElevenLabsCalls.gateInterceptor("X-Revos-Sent-At", wire).intercept(request, new byte[0],
                provider);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(writtenOn.get()).isSameAs(Thread.currentThread());
        assertThat(request.getHeaders().containsHeader("X-Revos-Sent-At")).isFalse();
    }

    private SendGate gate(boolean passes, boolean interruptedAtWire, boolean tooLateAtWire) {
        return new SendGate() {
            @Override
            public boolean pass() {
                steps.add("passed");
                return passes;
            }

            @Override
            public boolean atWire() throws InterruptedException {
                if (interruptedAtWire) {
                    throw new InterruptedException("shutting down");
                }
                pacedOn.set(Thread.currentThread());
                steps.add("paced at the wire");
                return !tooLateAtWire;
            }
        };
    }

    /** As the dispatcher sends: from a virtual thread of its own. */
    private ClientHttpResponse fromADialThread(ClientHttpRequestInterceptor interceptor) throws Exception {
        var call = new FutureTask<>(() -> interceptor.intercept(request, new byte[0], provider));
        Thread.ofVirtual().start(call);
        return call.get(10, TimeUnit.SECONDS);
    }
}
