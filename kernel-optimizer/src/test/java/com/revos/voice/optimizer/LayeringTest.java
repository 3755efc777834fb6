package com.revos.voice.optimizer;

import com.revos.voice.testsupport.LayeringRules;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void model_and_application_stay_free_of_transport() {
        LayeringRules.check("com.revos.voice.optimizer");
    }

    @Test
    void aggregates_meet_only_through_ports_and_adapters_are_public_only_when_used_outside() {
        LayeringRules.checkAggregates("com.revos.voice.optimizer");
    }
}
