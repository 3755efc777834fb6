package com.revos.voice.testsupport.layering.tangled.call.infrastructure;

import com.revos.voice.testsupport.layering.tangled.campaign.infrastructure.Campaigns;

/** Calls that reach into campaigns, which reach back: a cycle between two aggregates. */
public class Calls {

    Campaigns campaigns;
}
