package com.revos.voice.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Honours {@code Idempotency-Key} as Stripe defines it. A key belongs to a tenant and an endpoint (the method and the
 * path of the request): the first request with it runs and its answer is stored; a retry with the same key
 * and body gets that answer again without running anything; the same key with another body is refused (422); a retry
 * while the first is still running gets 409 with Retry-After. Concurrent requests with one key race for one row, so
 * exactly one runs. A key is remembered for {@link IdempotencyProperties#ttl()}; one left pending by a process that
 * died is taken over by a retry with the same body after {@link IdempotencyProperties#pendingTimeout()} (ADR 0015).
 * The endpoint is stored in the key column ({@code "POST /v1/... key"}), so no service migration is needed. Needs
 * the {@code classpath:db/revos-service} migration in the service's Flyway locations.
 */
public class IdempotentRequests {

    static final int MAX_KEY_LENGTH = 255;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final IdempotencyProperties settings;

    public IdempotentRequests(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                              IdempotencyProperties settings) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
    }

    /** For the endpoint of the current request (method and path). */
    public <T> ResponseEntity<T> execute(UUID tenantId, String key, Object request, Class<T> responseType,
                                         Supplier<ResponseEntity<T>> action) {
        return execute(tenantId, currentEndpoint(), key, request, responseType, action);
    }

    public <T> ResponseEntity<T> execute(UUID tenantId, String endpoint, String key, Object request,
                                         Class<T> responseType, Supplier<ResponseEntity<T>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("Idempotency-Key", "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        var scoped = endpoint + " " + key;
        var fingerprint = fingerprint(request);
        // in a transaction like every statement here: a service may run its transactions under a tenant role for
        // row-level security (ADR 0007), and refuse tenant statements outside one
        var claimed = ownTransaction.execute(status -> claim(tenantId, scoped, fingerprint)) == 1;
        if (!claimed) {
            return ownTransaction.execute(status -> replay(tenantId, scoped, fingerprint, responseType));
        }
        try {
            var response = action.get();
            ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE idempotency_keys SET state = 'done', "
                    + "status = ?, response_body = ? WHERE tenant_id = ? AND key = ?", response.getStatusCode().value(),
                    write(response.getBody()), tenantId, scoped));
            return response;
        } catch (RuntimeException e) {
            // nothing was created: let a retry with the same key run again
            ownTransaction.executeWithoutResult(status ->
                    jdbc.update("DELETE FROM idempotency_keys WHERE tenant_id = ? AND key = ?", tenantId, scoped));
            throw e;
        }
    }

    /**
     * One statement, so concurrent requests serialize on the row: a new key is inserted; an expired one, or one left
     * pending past the timeout with the same body, is taken over; anything else is left alone (0 rows).
     */
    private int claim(UUID tenantId, String scoped, String fingerprint) {
        return jdbc.update("INSERT INTO idempotency_keys (tenant_id, key, fingerprint, state) "
                + "VALUES (?, ?, ?, 'pending') ON CONFLICT (tenant_id, key) DO UPDATE SET fingerprint = "
                + "EXCLUDED.fingerprint, state = 'pending', status = NULL, response_body = NULL, created_at = now() "
                + "WHERE idempotency_keys.created_at < now() - make_interval(secs => ?) "
                + "OR (idempotency_keys.state = 'pending' AND idempotency_keys.fingerprint = EXCLUDED.fingerprint "
                + "AND idempotency_keys.created_at < now() - make_interval(secs => ?))",
                tenantId, scoped, fingerprint, seconds(settings.ttl()), seconds(settings.pendingTimeout()));
    }

    /** Deletes the keys past their time to live; returns how many. */
    public int purgeExpired() {
        return ownTransaction.execute(status -> jdbc.update("DELETE FROM idempotency_keys "
                + "WHERE created_at < now() - make_interval(secs => ?)", seconds(settings.ttl())));
    }

    private <T> ResponseEntity<T> replay(UUID tenantId, String scoped, String fingerprint, Class<T> responseType) {
        var rows = jdbc.query("SELECT fingerprint, state, status, response_body FROM idempotency_keys "
                + "WHERE tenant_id = ? AND key = ?", (rs, n) -> new Stored(rs.getString(1), rs.getString(2),
                rs.getInt(3), rs.getString(4)), tenantId, scoped);
        if (rows.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "Request in progress",
                    "A request with this Idempotency-Key just failed; retry it", List.of(), 1L);
        }
        var stored = rows.getFirst();
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                    "This Idempotency-Key was used with a different request body; use a new key for a new request",
                    List.of(new ApiException.FieldError("Idempotency-Key", "was used with a different body")), null);
        }
        if (!"done".equals(stored.state())) {
            throw new ApiException(HttpStatus.CONFLICT, "Request in progress",
                    "The first request with this Idempotency-Key is still running; retry shortly", List.of(), 1L);
        }
        return ResponseEntity.status(stored.status()).header("Idempotent-Replayed", "true")
                .body(read(stored.body(), responseType));
    }

    private record Stored(String fingerprint, String state, int status, String body) {
    }

    /**
     * {@code POST /v1/tenants/.../agents/.../numbers}: the method and the path as sent, so a key reused on another
     * resource (an id in the path, not in the body) is another key, never that resource's answer.
     */
    static String currentEndpoint() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI();
        }
        return "-";
    }

    private static double seconds(java.time.Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static String fingerprint(Object request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(@Nullable Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot store the response for Idempotency-Key replay", e);
        }
    }

    private static <T> @Nullable T read(@Nullable String body, Class<T> type) {

        try {
            return body == null ? null : JSON.readValue(body, type);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot replay the stored response", e);
        }
    }
}
