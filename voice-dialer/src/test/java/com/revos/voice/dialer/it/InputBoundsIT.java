package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.testsupport.InputBounds;
import org.junit.jupiter.api.Test;

/**
 * Every list of the live API document pages and refuses a page beyond 500 naming the field; every string a client
 * sends is bounded in the document and one character more is refused naming the field (issue 16). The contact upload
 * is not a JSON schema: ContactUploadBoundsIT covers its bounds.
 */
class InputBoundsIT extends DialerIntegrationTest {

    private static final int MAX_PAGE_SIZE = com.revos.voice.values.PageWindow.MAX_LIMIT;

    @Test
    void every_list_pages_within_its_maximum_and_every_string_a_client_sends_has_a_length_limit() {
        var p = provision();

        var result = InputBounds.check(port, MAX_PAGE_SIZE, template -> p.token(),
                variable -> variable.equals("tenantId") ? p.tenantId().toString() : null);

        assertThat(result.violations()).isEmpty();
        assertThat(result.lists()).isEqualTo(3);
        assertThat(result.boundedStrings()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void a_call_variable_longer_than_an_upload_field_may_be_is_refused_naming_the_field() {
        var p = provision();

        var answer = post(p, "/calls", java.util.Map.of("agent_id", p.agentId().toString(),
                "phone_number_id", p.numberId().toString(), "to_number", nextNumber(),
                "dynamic_variables", java.util.Map.of("note", "n".repeat(1001))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/errors/0/field").asText()).isEqualTo("dynamic_variables");
        assertThat(answer.body().at("/errors/0/reason").asText()).contains("1000 characters");
    }
}
