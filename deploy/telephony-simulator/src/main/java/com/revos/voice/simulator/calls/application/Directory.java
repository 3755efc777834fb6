package com.revos.voice.simulator.calls.application;

import java.util.Optional;

/** Lookups into the simulated ElevenLabs workspace (agents and imported numbers). */
public interface Directory {

    Optional<String> agentName(String agentId);

    Optional<Line> line(String phoneNumberId);

    /** An imported Twilio number and the account it belongs to. */
    record Line(String phoneNumber, String accountSid) {
    }
}
