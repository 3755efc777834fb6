package com.revos.voice.testsupport.layering.tangled.campaign.infrastructure;

import com.revos.voice.testsupport.layering.tangled.call.infrastructure.Calls;

public class Campaigns {

    Calls calls;
}
