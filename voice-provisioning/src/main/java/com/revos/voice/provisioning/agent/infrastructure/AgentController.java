package com.revos.voice.provisioning.agent.infrastructure;

import org.jspecify.annotations.Nullable;
import com.revos.voice.provisioning.agent.application.AgentDeployment;
import com.revos.voice.provisioning.agent.model.Agent;
import com.revos.voice.provisioning.agent.model.AgentOverrides;
import com.revos.voice.values.Page;
import com.revos.voice.provisioning.common.application.ProvisioningException;
import com.revos.voice.values.PageWindow;
import com.revos.voice.service.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/tenants/{tenantId}/agents")
@Tag(name = "Agents", description = "A tenant's voice agents, deployed from templates on ElevenLabs")
class AgentController {

    private final AgentDeployment deployment;
    private final IdempotentRequests idempotency;

    AgentController(AgentDeployment deployment, IdempotentRequests idempotency) {
        this.deployment = deployment;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Deploy a template as an agent of the tenant (honours Idempotency-Key)")
    ResponseEntity<AgentView> deploy(@PathVariable UUID tenantId,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                     @Valid @RequestBody DeployAgent request) {
        return idempotency.execute(tenantId, key, request, AgentView.class, () -> {
            var overrides = request.overrides() == null ? new Overrides(null, null, null, null) : request.overrides();
            var agent = deployment.deploy(tenantId, request.templateId(), new AgentOverrides(request.name(),
                    overrides.prompt(), overrides.firstMessage(), overrides.voiceId(), overrides.language()));
            return ResponseEntity.status(HttpStatus.CREATED).body(AgentView.of(agent));
        });
    }

    @GetMapping
    @Operation(summary = "The tenant's agents, oldest first")
    Page<AgentView> list(@PathVariable UUID tenantId, @RequestParam(required = false) Integer limit,
                         @RequestParam(required = false) Integer offset) {
        var window = PageWindow.of(limit, offset, ProvisioningException::invalid);
        return deployment.list(tenantId, window).map(AgentView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agent of the tenant")
    AgentView get(@PathVariable UUID tenantId, @PathVariable UUID id) {
        return AgentView.of(deployment.get(tenantId, id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete the agent, at ElevenLabs too")
    ResponseEntity<Void> delete(@PathVariable UUID tenantId, @PathVariable UUID id) {
        deployment.delete(tenantId, id);
        return ResponseEntity.noContent().build();
    }

    record DeployAgent(
            @NotBlank @Size(max = 64) String templateId,
            @Size(min = 1, max = 100) String name,
            @Valid Overrides overrides) {
    }

    /** Per-tenant changes to the template; sizes keep them within what the platform accepts. */
    record Overrides(
            @Size(min = 1, max = 20000) @Nullable String prompt,
            @Size(max = 1000) @Nullable String firstMessage,
            @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a voice id")
            @Nullable String voiceId,
            @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z]{2,4})?", message = "must be a language code such as en or pt-BR")
            @Nullable String language) {
    }

    record AgentView(UUID id, UUID tenantId, String templateId, String name, String providerAgentId, String language,
                     String voiceId, String prompt, String firstMessage, Instant createdAt) {

        static AgentView of(Agent agent) {
            return new AgentView(agent.id(), agent.tenantId(), agent.templateId(), agent.name(),
                    agent.providerAgentId(), agent.language(), agent.voiceId(), agent.prompt(), agent.firstMessage(),
                    agent.createdAt());
        }
    }
}
