package com.revos.voice.provisioning.common.application;

import com.revos.voice.events.ProvisioningEvent;

/** Publishes provisioning events; must be called inside the transaction of the state change it announces. */
public interface Events {

    void publish(ProvisioningEvent event);
}
