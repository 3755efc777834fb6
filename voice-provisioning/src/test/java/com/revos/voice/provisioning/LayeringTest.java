package com.revos.voice.provisioning;

import com.revos.voice.testsupport.LayeringRules;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void model_and_application_stay_free_of_transport() {
        LayeringRules.check("com.revos.voice.provisioning");
    }
}
