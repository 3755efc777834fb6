package com.revos.voice.local;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the person who typed {@code ./revos up} reads: progress while starting, then where everything is. */
final class Console {

    private static final Logger out = LoggerFactory.getLogger("com.revos.voice.local.console");

    <T> T step(int index, int total, String what, Callable<T> action) throws Exception {
        out.info("[{}/{}] starting {} ...", index, total, what);
        var started = System.nanoTime();
        try {
            var result = action.call();
            out.info("[{}/{}] ready in {} ms", index, total, (System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (Exception e) {
            out.error("[{}/{}] {} failed to start: {}. Is the port free? Stop whatever uses it, or set the "
                    + "matching *_PORT variable (see README).", index, total, what, e.getMessage());
            throw e;
        }
    }

    void line(String text) {
        out.info(text);
    }

    void line(String format, Object... args) {
        out.info(format, args);
    }

    void banner(LocalPorts ports, String kafka, String jdbcUrl, LocalTokenIssuer tokens) {
        var text = """

                ================================ RevOS Voice is up ================================
                  web console           http://localhost:%d   (one-click sign-in as the demo tenant or operator)
                  voice-provisioning    http://localhost:%d   (OpenAPI: /v3/api-docs)
                  voice-dialer          http://localhost:%d
                  voice-webhook-ingest  http://localhost:%d   (POST /webhooks/elevenlabs/post-call)
                  kernel-optimizer      http://localhost:%d
                  telephony simulator   http://localhost:%d   (GET /simulator/config)
                  metrics               /actuator/prometheus on each service
                  Kafka bootstrap       %s
                  PostgreSQL            %s  (user postgres / postgres)

                  demo tenant           %s
                  tenant token          %s
                  operator token        %s

                  try:  curl -H "Authorization: Bearer $TOKEN" http://localhost:%d/v1/templates
                  more tokens: ./revos token --tenant <uuid> | ./revos token --operator
                ===================================================================================
                """.formatted(ports.console(), ports.provisioning(), ports.dialer(), ports.webhookIngest(),
                ports.optimizer(), ports.simulator(), kafka, jdbcUrl, LocalTokenIssuer.DEMO_TENANT,
                tokens.tenant(LocalTokenIssuer.DEMO_TENANT), tokens.operator(), ports.provisioning());
        out.info(text);
    }
}
