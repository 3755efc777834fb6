package com.revos.voice.service;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with what every RevOS service gets from service-support, and two tenant endpoints that create "notes":
 * each execution counts, so a test sees how often the work ran.
 */
@SpringBootApplication
class SupportTestApplication {

    @RestController
    static class Notes {

        final AtomicInteger executions = new AtomicInteger();
        /** While set, each execution waits for it: a first request held "in progress". */
        volatile CountDownLatch hold;
        private final IdempotentRequests idempotent;

        Notes(IdempotentRequests idempotent) {
            this.idempotent = idempotent;
        }

        @PostMapping({"/v1/tenants/{tenantId}/notes", "/v1/tenants/{tenantId}/drafts"})
        ResponseEntity<Note> create(@PathVariable UUID tenantId, @RequestBody Map<String, String> body,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
            return idempotent.execute(tenantId, key, body, Note.class, () -> {
                var latch = hold;
                if (latch != null) {
                    try {
                        latch.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                executions.incrementAndGet();
                return ResponseEntity.status(201).body(new Note(UUID.randomUUID(), body.get("text")));
            });
        }

        @GetMapping("/v1/tenants/{tenantId}/notes")
        Map<String, Object> list(@PathVariable UUID tenantId) {
            return Map.of("tenant", tenantId, "caller", Caller.current().subject());
        }

        @GetMapping("/v1/admin/notes")
        Map<String, Object> admin() {
            return Map.of("caller", Caller.current().subject());
        }
    }

    record Note(UUID id, String text) {
    }
}
