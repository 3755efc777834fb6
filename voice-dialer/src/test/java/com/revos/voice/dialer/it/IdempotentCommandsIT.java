package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * {@code Idempotency-Key} on the dialer's contact uploads, suppressions and campaign start / pause / resume / cancel,
 * as on its other writes (service-support's IdempotentRequests): a retry with the key and the same body gets the
 * first answer and runs nothing; the key with another body is 422; a key is bound to its endpoint.
 */
class IdempotentCommandsIT extends DialerIntegrationTest {

    @Test
    void a_retried_upload_is_answered_not_imported_again_and_the_key_with_another_file_is_refused() {
        var p = provision();
        var campaign = createCampaign(p, 5, 3, 60);
        var csv = "phone\n" + nextNumber() + "\n" + nextNumber() + "\nnot-a-number\n";
        var key = "upload-" + UUID.randomUUID();

        var first = postCsvWithKey(p, "/campaigns/" + campaign + "/contacts", csv, key);
        var retry = postCsvWithKey(p, "/campaigns/" + campaign + "/contacts", csv, key);
        var otherFile = postCsvWithKey(p, "/campaigns/" + campaign + "/contacts", "phone\n" + nextNumber() + "\n", key);
        var withoutKey = postCsv(p, "/campaigns/" + campaign + "/contacts", csv);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("accepted").asLong()).isEqualTo(2);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(otherFile.status()).isEqualTo(422);
        // without the key the same file runs again: its numbers are now duplicates of the campaign's
        assertThat(withoutKey.body().get("accepted").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE campaign_id = ?::uuid", Long.class,
                campaign)).isEqualTo(2);
    }

    @Test
    void pause_resume_and_cancel_retried_with_their_keys_answer_once_and_change_the_campaign_once() {
        stubSuccess();
        var p = provision();
        var campaign = createCampaign(p, 1, 3, 60);
        var contacts = new ArrayList<Map<String, String>>();
        for (var i = 0; i < 20; i++) {
            contacts.add(Map.of("phone", nextNumber()));
        }
        post(p, "/campaigns/" + campaign + "/contacts", contacts);
        var start = "start-" + UUID.randomUUID();
        assertThat(postWithKey(p, "/campaigns/" + campaign + "/start", Map.of(), start).status()).isEqualTo(200);
        assertThat(postWithKey(p, "/campaigns/" + campaign + "/start", Map.of(), start).status()).isEqualTo(200);

        for (var command : new String[] {"pause", "resume", "cancel"}) {
            var key = command + "-" + UUID.randomUUID();
            var path = "/campaigns/" + campaign + "/" + command;

            var first = postWithKey(p, path, Map.of(), key);
            var retry = postWithKey(p, path, Map.of(), key);
            var again = post(p, path, Map.of());

            assertThat(first.status()).as(command).isEqualTo(200);
            assertThat(retry.status()).as(command + " retried").isEqualTo(200);
            assertThat(retry.body()).as(command + " retried").isEqualTo(first.body());
            // had the retry run, it would have met the campaign already changed, as this one does
            assertThat(again.status()).as(command + " without the key").isEqualTo(409);
        }
        assertThat(get(p, "/campaigns/" + campaign).body().get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void a_retried_suppression_is_answered_once_and_the_key_with_another_number_is_refused() {
        var p = provision();
        var phone = nextNumber();
        var key = "suppress-" + UUID.randomUUID();

        var first = postWithKey(p, "/suppressions", Map.of("phone", phone, "reason", "asked"), key);
        var retry = postWithKey(p, "/suppressions", Map.of("phone", phone, "reason", "asked"), key);
        var other = postWithKey(p, "/suppressions", Map.of("phone", nextNumber(), "reason", "asked"), key);

        assertThat(first.status()).isEqualTo(201);
        // without the key a repeat answers 200 (already listed): the retry's 201 is the first answer replayed
        assertThat(retry.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(422);

        var removal = "unsuppress-" + UUID.randomUUID();
        var query = "/suppressions?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        assertThat(deleteWithKey(p, query, removal).status()).isEqualTo(204);
        assertThat(deleteWithKey(p, query, removal).status()).isEqualTo(204);
        assertThat(delete(p, query).status()).isEqualTo(404);
        assertThat(deleteWithKey(p, "/suppressions?phone=" + URLEncoder.encode(nextNumber(), StandardCharsets.UTF_8),
                removal).status()).isEqualTo(422);
    }

    private Response postCsvWithKey(Provisioned p, String path, String csv, String key) {
        return http(p).post().uri(path).header("Idempotency-Key", key)
                .contentType(MediaType.parseMediaType("text/csv")).body(csv)
                .exchange((request, response) -> {
                    var bytes = response.getBody().readAllBytes();
                    return new Response(response.getStatusCode().value(), bytes.length == 0 ? null
                            : JSON.readTree(bytes));
                });
    }

    private Response deleteWithKey(Provisioned p, String path, String key) {
        return http(p).delete().uri(URI.create("http://localhost:" + port + "/v1/tenants/" + p.tenantId() + path))
                .header("Idempotency-Key", key)
                .exchange((request, response) -> new Response(response.getStatusCode().value(), null));
    }
}
