package com.revos.voice.webhook;

import com.revos.voice.testsupport.LayeringRules;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void domain_and_use_cases_stay_free_of_spring_kafka_and_servlets() {
        LayeringRules.check("com.revos.voice.webhook");
    }

    @Test
    void aggregates_meet_only_through_ports_and_adapters_are_public_only_when_used_outside() {
        LayeringRules.checkAggregates("com.revos.voice.webhook");
    }
}
