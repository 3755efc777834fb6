package com.revos.voice.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.values.PageWindow;
import com.revos.voice.testsupport.InputBounds;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * Every list of the live API document pages and refuses a page beyond the maximum naming the field; every string a
 * client sends is bounded in the document and one character more is refused naming the field (issue 16).
 */
@ProvisioningIntegrationTest
class InputBoundsIT {

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    @Test
    void every_list_pages_within_its_maximum_and_every_string_a_client_sends_has_a_length_limit() {
        ProviderStubs.reset();
        var api = new Api(port, tokens);
        var tenant = UUID.randomUUID();
        var member = api.member(tenant);

        var result = InputBounds.check(port, PageWindow.MAX_LIMIT,
                template -> template.startsWith("/v1/admin/") ? api.operator() : member,
                variable -> variable.equals("tenantId") ? tenant.toString() : null);

        assertThat(result.violations()).isEmpty();
        assertThat(result.lists()).isEqualTo(4);
        assertThat(result.boundedStrings()).isGreaterThanOrEqualTo(15);
    }
}
