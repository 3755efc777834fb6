package com.revos.voice.dialer;

import com.revos.voice.testsupport.LayeringRules;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void model_and_application_stay_free_of_transport() {
        LayeringRules.check("com.revos.voice.dialer");
    }

    @Test
    void aggregates_depend_one_way_and_the_model_is_plain_java() {
        LayeringRules.checkAggregates("com.revos.voice.dialer");
    }
}
