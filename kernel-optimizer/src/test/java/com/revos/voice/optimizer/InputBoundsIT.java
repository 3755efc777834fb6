package com.revos.voice.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.optimizer.it.OptimizerIntegrationTest;
import com.revos.voice.service.LocalTokens;
import com.revos.voice.testsupport.InputBounds;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * The decision trail pages and refuses a page beyond 500 naming the field; every string of the policy a client sends
 * is bounded in the document and an over-long one is refused naming the field (issue 16).
 */
@OptimizerIntegrationTest
class InputBoundsIT {

    /** DecisionTrailController's largest page. */
    private static final int MAX_PAGE_SIZE = 500;

    @LocalServerPort
    int port;
    @Autowired
    JwtEncoder tokens;

    @Test
    void the_decision_trail_pages_within_its_maximum_and_every_policy_string_has_a_bound() {
        var tenant = UUID.randomUUID();
        var member = LocalTokens.tenantMember(tokens, "ann", tenant);

        var result = InputBounds.check(port, MAX_PAGE_SIZE, template -> member,
                variable -> variable.equals("tenantId") ? tenant.toString() : null);

        assertThat(result.violations()).isEmpty();
        assertThat(result.lists()).isEqualTo(1);
        assertThat(result.boundedStrings()).isEqualTo(4);
    }
}
