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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Honours {@code Idempotency-Key} on POSTs: the first request with a key runs and its answer is stored; a retry with
 * the same key and body gets that answer again without running anything; the same key with another body is refused
 * (422); a retry while the first is still running gets 409 and should retry later. Keys are scoped per tenant.
 * Needs the {@code classpath:db/revos-service} migration in the service's Flyway locations.
 */
public class IdempotentRequests {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public IdempotentRequests(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public <T> ResponseEntity<T> execute(UUID tenantId, String key, Object request, Class<T> responseType,
                                         Supplier<ResponseEntity<T>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 255) {
            throw ApiException.badRequest("Idempotency-Key", "must be at most 255 characters");
        }
        var fingerprint = fingerprint(request);
        var claimed = ownTransaction.execute(status -> jdbc.update("INSERT INTO idempotency_keys "
                + "(tenant_id, key, fingerprint, state) VALUES (?, ?, ?, 'pending') ON CONFLICT DO NOTHING",
                tenantId, key, fingerprint)) == 1;
        if (!claimed) {
            // in a transaction like every statement here: a service may run its transactions under a tenant role
            // for row-level security (ADR 0007), and refuse tenant statements outside one
            return ownTransaction.execute(status -> replay(tenantId, key, fingerprint, responseType));
        }
        try {
            var response = action.get();
            ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE idempotency_keys SET state = 'done', "
                    + "status = ?, response_body = ? WHERE tenant_id = ? AND key = ?", response.getStatusCode().value(),
                    write(response.getBody()), tenantId, key));
            return response;
        } catch (RuntimeException e) {
            // nothing was created: let a retry with the same key run again
            ownTransaction.executeWithoutResult(status ->
                    jdbc.update("DELETE FROM idempotency_keys WHERE tenant_id = ? AND key = ?", tenantId, key));
            throw e;
        }
    }

    private <T> ResponseEntity<T> replay(UUID tenantId, String key, String fingerprint, Class<T> responseType) {
        var rows = jdbc.query("SELECT fingerprint, state, status, response_body FROM idempotency_keys "
                + "WHERE tenant_id = ? AND key = ?", (rs, n) -> new Stored(rs.getString(1), rs.getString(2),
                rs.getInt(3), rs.getString(4)), tenantId, key);
        if (rows.isEmpty()) {
            throw ApiException.conflict("A request with this Idempotency-Key just failed; retry it");
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

    private static String fingerprint(Object request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot store the response for Idempotency-Key replay", e);
        }
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return body == null ? null : JSON.readValue(body, type);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot replay the stored response", e);
        }
    }
}
