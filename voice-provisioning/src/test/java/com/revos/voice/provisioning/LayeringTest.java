package com.revos.voice.provisioning;

import com.revos.voice.testsupport.LayeringRules;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void modelAndApplicationStayFreeOfTransport() {
        LayeringRules.check("com.revos.voice.provisioning");
    }
}
