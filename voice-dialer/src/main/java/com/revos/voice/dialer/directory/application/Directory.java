package com.revos.voice.dialer.directory.application;

import com.revos.voice.dialer.common.application.DialerException;
import com.revos.voice.dialer.directory.model.Dialable;
import java.util.UUID;

/** The tenant's agents and numbers as voice-provisioning announced them, and the checks dialing makes on them. */
public interface Directory {

    /**
     * The agent and number, checked: both owned by the tenant and the number imported into the provider and
     * attached to an agent.
     *
     * @throws DialerException not found (not the tenant's) or conflict (not ready to dial)
     */
    Dialable dialable(UUID tenantId, UUID agentId, UUID numberId);
}
