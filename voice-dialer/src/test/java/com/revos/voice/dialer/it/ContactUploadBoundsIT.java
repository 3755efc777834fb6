package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * What a client sees of the contact upload's bounds (ADR 0019; this suite runs with a 1 MB byte limit and 10
 * rejections listed): 413 problem+json naming the limit before anything is read, over-long fields rejected by row,
 * and an answer that counts every rejection but lists the first ten.
 */
class ContactUploadBoundsIT extends DialerIntegrationTest {

    @Test
    void an_upload_declared_over_the_byte_limit_is_413_problem_json_naming_it_and_nothing_is_taken() {
        var p = provision();
        var campaign = createCampaign(p, 5, 3, 60);
        var csv = new StringBuilder("phone,note\n");
        while (csv.length() <= 1024 * 1024) {
            csv.append(nextNumber()).append(',').append("n".repeat(80)).append('\n');
        }

        var answer = http(p).post().uri("/campaigns/" + campaign + "/contacts")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv.toString())
                .exchange((request, response) -> List.of(String.valueOf(response.getStatusCode().value()),
                        String.valueOf(response.getHeaders().getContentType()),
                        new String(response.getBody().readAllBytes())));

        assertThat(answer.get(0)).isEqualTo("413");
        assertThat(answer.get(1)).startsWith("application/problem+json");
        assertThat(answer.get(2)).contains("\"field\":\"body\"").contains("revos.dialer.contacts.max-bytes")
                .contains("1048576 bytes");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE campaign_id = ?::uuid", Long.class,
                campaign)).isZero();
    }

    @Test
    void over_long_fields_are_rejected_by_row_and_the_answer_counts_all_rejections_but_lists_the_first_ten() {
        var p = provision();
        var campaign = createCampaign(p, 5, 3, 60);
        var rows = new ArrayList<Object>();
        rows.add(java.util.Map.of("phone", nextNumber(), "note", "n".repeat(1001)));
        for (var i = 0; i < 14; i++) {
            rows.add(java.util.Map.of("phone", "bad-" + i));
        }
        rows.add(java.util.Map.of("phone", nextNumber(), "note", "fine"));

        var result = post(p, "/campaigns/" + campaign + "/contacts", rows);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body().get("accepted").asLong()).isEqualTo(1);
        assertThat(result.body().get("rejected_count").asLong()).isEqualTo(15);
        assertThat(result.body().get("rejected_truncated").asBoolean()).isTrue();
        assertThat(result.body().get("rejected")).hasSize(10);
        assertThat(result.body().get("rejected").get(0).get("reason").asText()).isEqualTo("field_too_long");
        assertThat(result.body().get("rejected").get(9).get("row").asInt()).isEqualTo(10);
    }
}
