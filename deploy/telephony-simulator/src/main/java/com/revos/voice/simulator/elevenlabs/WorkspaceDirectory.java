package com.revos.voice.simulator.elevenlabs;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.revos.voice.simulator.calls.application.Directory;

/** Lets the call simulation name the agent and the caller-ID number the way a real conversation would. */
@Component
class WorkspaceDirectory implements Directory {

    private final AgentStore agents;
    private final PhoneNumberStore numbers;

    WorkspaceDirectory(AgentStore agents, PhoneNumberStore numbers) {
        this.agents = agents;
        this.numbers = numbers;
    }

    @Override
    public Optional<String> agentName(String agentId) {
        return agents.find(agentId).map(agent -> String.valueOf(agent.get("name")));
    }

    @Override
    public Optional<Line> line(String phoneNumberId) {
        return numbers.find(phoneNumberId).map(n -> new Line(n.phoneNumber(), n.accountSid()));
    }
}
