package com.revos.voice.webhook.intake.infrastructure;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline: the same server, security chain and body read as the real endpoints, and nothing else.
 * Only there when {@code revos.webhooks.benchmark-noop-enabled=true}.
 */
@RestController
@ConditionalOnBooleanProperty("revos.webhooks.benchmark-noop-enabled")
class NoopWebhookController {

    @PostMapping("/webhooks/noop")
    ResponseEntity<Void> noop(HttpServletRequest request) throws IOException {
        RawBodies.read(request, 1024 * 1024);
        return ResponseEntity.ok().build();
    }
}
