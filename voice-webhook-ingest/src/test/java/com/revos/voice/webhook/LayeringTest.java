package com.revos.voice.webhook;

import com.revos.voice.testsupport.LayeringRules;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void domain_and_use_cases_stay_free_of_spring_kafka_and_servlets() {
        LayeringRules.check("com.revos.voice.webhook");
    }
}
