package com.revos.voice.provisioning.agent.application;

import com.revos.voice.provisioning.agent.model.Agent;
import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import java.util.Optional;
import java.util.UUID;

/** The tenant's agents; every method runs inside a tenant transaction. */
public interface AgentRepository {

    void insert(Agent agent);

    Optional<Agent> find(UUID tenantId, UUID id);

    Page<Agent> page(UUID tenantId, PageWindow window);

    void delete(UUID tenantId, UUID id);
}
