package com.revos.voice.provisioning.agent.application;

import com.revos.voice.events.ProvisioningEvent.AgentDeleted;
import com.revos.voice.events.ProvisioningEvent.AgentDeployed;
import com.revos.voice.provisioning.agent.model.Agent;
import com.revos.voice.provisioning.agent.model.AgentOverrides;
import com.revos.voice.provisioning.common.application.Events;
import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.common.application.ProvisioningException;
import com.revos.voice.provisioning.common.application.Transactions;
import com.revos.voice.provisioning.provider.application.AgentSpec;
import com.revos.voice.provisioning.provider.application.VoiceAgentPlatform;
import com.revos.voice.provisioning.template.application.TemplateCatalog;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys a template as a tenant's agent on the voice agent platform, lists, shows and deletes them. Provider calls
 * run outside database transactions (no connection held while waiting on the network); the row and its event
 * commit together.
 */
public final class AgentDeployment {

    private static final Logger log = LoggerFactory.getLogger(AgentDeployment.class);

    private final TemplateCatalog templates;
    private final VoiceAgentPlatform platform;
    private final AgentRepository agents;
    private final Transactions transactions;
    private final Events events;
    private final Clock clock;

    public AgentDeployment(TemplateCatalog templates, VoiceAgentPlatform platform, AgentRepository agents,
                           Transactions transactions, Events events, Clock clock) {
        this.templates = templates;
        this.platform = platform;
        this.agents = agents;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public Agent deploy(UUID tenantId, String templateId, AgentOverrides overrides) {
        // the catalog is no tenant's, but a tenant's work reaches the database only in its transactions
        var template = transactions.inTenant(tenantId, () -> templates.byId(templateId))
                .orElseThrow(() -> ProvisioningException.invalid("template_id", "no template with this id"));
        var id = UUID.randomUUID();
        var spec = new AgentSpec(AgentOverrides.either(overrides.name(), template.name()), "revos-agent-" + id,
                AgentOverrides.either(overrides.prompt(), template.prompt()),
                AgentOverrides.either(overrides.firstMessage(), template.firstMessage()),
                AgentOverrides.either(overrides.language(), template.language()),
                AgentOverrides.either(overrides.voiceId(), template.voiceId()), template.llm(),
                template.dataCollection(), template.evaluationCriteria());
        var providerAgentId = platform.createAgent(spec);
        var agent = new Agent(id, tenantId, template.id(), spec.name(), providerAgentId, spec.language(),
                spec.voiceId(), spec.prompt(), spec.firstMessage(), clock.instant());
        try {
            return transactions.inTenant(tenantId, () -> {
                agents.insert(agent);
                events.publish(new AgentDeployed(id, tenantId, template.id(), agent.name(), providerAgentId,
                        agent.language(), agent.voiceId(), agent.createdAt()));
                return agent;
            });
        } catch (RuntimeException e) {
            removeOrphan(providerAgentId);
            throw e;
        }
    }

    public Page<Agent> list(UUID tenantId, PageWindow window) {
        return transactions.inTenant(tenantId, () -> agents.page(tenantId, window));
    }

    public Agent get(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, () -> agents.find(tenantId, id))
                .orElseThrow(() -> ProvisioningException.notFound("agent", id));
    }

    /** Removes the agent at the platform first: a failure there leaves our row, so the delete can be retried. */
    public void delete(UUID tenantId, UUID id) {
        var agent = get(tenantId, id);
        platform.deleteAgent(agent.providerAgentId());
        transactions.inTenant(tenantId, () -> {
            agents.delete(tenantId, id);
            events.publish(new AgentDeleted(id, tenantId, agent.providerAgentId(), clock.instant()));
            return null;
        });
    }

    /** Our transaction failed after the platform created the agent: do not leave an agent nobody owns. */
    private void removeOrphan(String providerAgentId) {
        try {
            platform.deleteAgent(providerAgentId);
        } catch (RuntimeException e) {
            log.error("Agent {} exists at the platform but could not be stored nor removed", providerAgentId, e);
        }
    }
}
