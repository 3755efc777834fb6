package com.revos.voice.provisioning.provider.application;

/**
 * A platform that runs voice agents on phone numbers (ElevenLabs Agents today). Every operation is safe to call
 * again after a failure: creates de-duplicate on our reference, deletes of what is already gone succeed.
 */
public interface VoiceAgentPlatform {

    /** Creates the agent and returns the platform's agent id. */
    String createAgent(AgentSpec spec);

    void updateAgent(String providerAgentId, AgentSpec spec);

    void deleteAgent(String providerAgentId);

    /** Imports a carrier number and returns the platform's phone number id. */
    String importNumber(NumberImport number);

    void deleteNumber(String providerPhoneNumberId);

    void attachAgent(String providerPhoneNumberId, String providerAgentId);
}
