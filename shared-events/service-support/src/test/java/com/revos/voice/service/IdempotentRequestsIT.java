package com.revos.voice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.revos.voice.testsupport.RevosIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/** Idempotency-Key as Stripe defines it, on a real server and PostgreSQL (pending timeout 5 s, keys kept 1 h here). */
@RevosIntegrationTest
class IdempotentRequestsIT {

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;
    @Autowired
    SupportTestApplication.Notes notes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotentRequests idempotent;

    private final UUID tenant = UUID.randomUUID();

    @AfterEach
    void release() {
        notes.hold = null;
    }

    private Http.Answer note(String path, String text, String key) {
        return new Http(port).post("/v1/tenants/" + tenant + path, LocalTokens.tenantMember(tokens, "ann", tenant),
                "{\"text\":\"" + text + "\"}", key);
    }

    @Test
    void a_retry_with_the_same_key_and_body_gets_the_first_answer_without_running_again() {
        var before = notes.executions.get();
        var first = note("/notes", "hello", "key-1");
        var retry = note("/notes", "hello", "key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(notes.executions.get() - before).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_422_naming_the_header() {
        note("/notes", "hello", "key-2");
        var reused = note("/notes", "something else", "key-2");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body()).contains("Idempotency-Key");
    }

    @Test
    void a_key_belongs_to_one_endpoint_and_one_tenant() {
        var before = notes.executions.get();
        var onNotes = note("/notes", "hello", "key-3");
        var onDrafts = note("/drafts", "hello", "key-3");
        var otherTenant = UUID.randomUUID();
        var elsewhere = new Http(port).post("/v1/tenants/" + otherTenant + "/notes",
                LocalTokens.tenantMember(tokens, "bob", otherTenant), "{\"text\":\"hello\"}", "key-3");

        assertThat(onDrafts.status()).isEqualTo(201);
        assertThat(onDrafts.body()).isNotEqualTo(onNotes.body());
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(elsewhere.header("Idempotent-Replayed")).isNull();
        assertThat(notes.executions.get() - before).isEqualTo(3);
    }

    @Test
    void concurrent_requests_with_one_key_run_once_and_the_others_get_409_or_the_same_answer() throws Exception {
        var before = notes.executions.get();
        var release = new CountDownLatch(1);
        notes.hold = release;
        var answers = new ArrayList<java.util.concurrent.Future<Http.Answer>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> note("/notes", "race", "key-race")));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.stream().filter(f -> f.isDone()).count() == 5);
            release.countDown();
        }
        var statuses = new ArrayList<Integer>();
        String created = null;
        for (var answer : answers) {
            var done = answer.get();
            statuses.add(done.status());
            if (done.status() == 201) {
                created = created == null ? done.body() : created;
                assertThat(done.body()).isEqualTo(created);
            } else {
                assertThat(done.status()).isEqualTo(409);
                assertThat(done.header("Retry-After")).isEqualTo("1");
            }
        }
        assertThat(statuses).containsOnlyOnce(201).contains(409);
        assertThat(notes.executions.get() - before).isEqualTo(1);
        assertThat(note("/notes", "race", "key-race").header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void a_key_left_pending_by_a_crashed_request_is_taken_over_after_the_timeout() {
        var body = Map.of("text", "orphan");
        var endpoint = "POST /v1/tenants/" + tenant + "/notes";
        insert(endpoint + " key-orphan", IdempotentRequests.fingerprint(body), "pending", "now() - interval '1 hour'");
        insert(endpoint + " key-young", IdempotentRequests.fingerprint(body), "pending", "now()");

        var young = note("/notes", "orphan", "key-young");
        var orphan = note("/notes", "orphan", "key-orphan");

        assertThat(young.status()).isEqualTo(409);
        assertThat(orphan.status()).isEqualTo(201);
        assertThat(note("/notes", "orphan", "key-orphan").header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void an_expired_key_is_new_again_and_purged() {
        var endpoint = "POST /v1/tenants/" + tenant + "/notes";
        insert(endpoint + " key-old", IdempotentRequests.fingerprint(Map.of("text", "then")), "done",
                "now() - interval '2 hours'");

        var reused = note("/notes", "now", "key-old");
        insert(endpoint + " key-older", "f", "done", "now() - interval '3 hours'");

        assertThat(reused.status()).isEqualTo(201);
        assertThat(idempotent.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE tenant_id = ?", Integer.class,
                tenant)).isEqualTo(1);
    }

    private void insert(String scopedKey, String fingerprint, String state, String createdAt) {
        jdbc.update("INSERT INTO idempotency_keys (tenant_id, key, fingerprint, state, status, response_body, "
                + "created_at) VALUES (?, ?, ?, ?, 201, '{\"text\":\"then\"}', " + createdAt + ")", tenant,
                scopedKey, fingerprint, state);
    }
}
