package com.revos.voice.events;

import com.revos.voice.events.CallEvent.CallCompleted;
import com.revos.voice.events.CallEvent.CallInitiated;
import com.revos.voice.events.CallEvent.CallInitiationFailed;
import com.revos.voice.events.CallEvent.CallRequested;
import com.revos.voice.events.CallEvent.Dialing;
import com.revos.voice.events.CampaignEvent.CampaignCancelled;
import com.revos.voice.events.CampaignEvent.CampaignCompleted;
import com.revos.voice.events.CampaignEvent.CampaignPaused;
import com.revos.voice.events.CampaignEvent.CampaignResumed;
import com.revos.voice.events.CampaignEvent.CampaignRetimed;
import com.revos.voice.events.CampaignEvent.CampaignScaled;
import com.revos.voice.events.CampaignEvent.CampaignStarted;
import com.revos.voice.events.KernelCommand.CampaignPause;
import com.revos.voice.events.KernelCommand.CampaignRetime;
import com.revos.voice.events.KernelCommand.CampaignScale;
import com.revos.voice.events.KernelRecommendation.AgentScriptChange;
import com.revos.voice.events.KernelRecommendation.CampaignScaleUp;
import com.revos.voice.events.ProviderReport.CallReported;
import com.revos.voice.events.ProviderReport.RecordingReported;
import com.revos.voice.events.ProvisioningEvent.AgentDeleted;
import com.revos.voice.events.ProvisioningEvent.AgentDeployed;
import com.revos.voice.events.ProvisioningEvent.NumberAgentAttached;
import com.revos.voice.events.ProvisioningEvent.NumberAssigned;
import com.revos.voice.events.ProvisioningEvent.NumberImported;
import com.revos.voice.events.ProvisioningEvent.NumberReleased;
import com.revos.voice.events.QuarantineEvent.WebhookQuarantined;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One realistic instance of every event type, with fixed ids so that golden payloads are stable. */
final class EventFixtures {

    static final UUID TENANT = UUID.fromString("6f1c1c52-3f1e-4a8e-9d55-0a9c2f1b7e01");
    static final UUID CAMPAIGN = UUID.fromString("0b7e2f5a-91c4-4d7b-8f0e-5d3a6c1e2b02");
    static final UUID CALL = UUID.fromString("c4a1e8d2-7b3f-4e6a-9c5d-1f2e3a4b5c03");
    static final UUID CONTACT = UUID.fromString("a9e8d7c6-b5a4-4392-8170-6f5e4d3c2b04");
    static final UUID AGENT = UUID.fromString("5e4d3c2b-1a09-48f7-a6e5-d4c3b2a19005");
    static final UUID NUMBER = UUID.fromString("7d6c5b4a-3928-4716-b5a4-93827160f506");
    static final UUID COMMAND = UUID.fromString("e1d2c3b4-a596-4877-9605-a4b3c2d1e007");
    static final UUID DECISION = UUID.fromString("f0e1d2c3-b4a5-4697-8877-665544332208");
    static final Instant AT = Instant.parse("2026-11-23T18:30:00Z");
    static final CallingWindow EVENINGS = new CallingWindow(17, 21,
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));

    private EventFixtures() {
    }

    static List<VoiceEvent> oneOfEachType() {
        return List.of(
                new AgentDeployed(AGENT, TENANT, "sales-qualification", "Acme SDR", "agent_8901k2abc", "en",
                        "21m00Tcm4TlvDq8ikWAM", AT),
                new AgentDeleted(AGENT, TENANT, "agent_8901k2abc", AT),
                new NumberAssigned(NUMBER, TENANT, "+14155550123", "US", "PN0123456789abcdef0123456789abcdef", false, AT),
                new NumberImported(NUMBER, TENANT, "+14155550123", "phnum_5701k2xyz", AT),
                new NumberAgentAttached(NUMBER, TENANT, AGENT, "phnum_5701k2xyz", AT),
                new NumberReleased(NUMBER, TENANT, "+14155550123", AT),
                new CallRequested(new Dialing(CALL, TENANT, CAMPAIGN, CONTACT, 1, "+12125550199", 13), AGENT, NUMBER,
                        AT),
                new CallInitiated(new Dialing(CALL, TENANT, CAMPAIGN, CONTACT, 1, "+12125550199"), "conv_7101k2def",
                        "CA0123456789abcdef", AT),
                new CallInitiationFailed(new Dialing(CALL, TENANT, CAMPAIGN, CONTACT, 1, "+12125550199"),
                        new CallInitiationFailed.Failure("provider rejected the destination",
                                "invalid_phone_number", false, true), AT),
                new CallCompleted(new CallCompleted.Dialed(CALL, TENANT, CAMPAIGN, CONTACT, 1, "+12125550199", 13),
                        new CallCompleted.ProviderCall("elevenlabs", "conv_7101k2def", null),
                        new CallTiming(AT, 94), CallOutcome.CONNECTED,
                        new CallResult(true, 0.82, "end_call tool",
                                Map.of("call_successful", "success", "data_collection", Map.of("qualified", true)),
                                "The contact asked for a demo next Tuesday."),
                        new CallCompleted.Billing(94, new BigDecimal("0.094"), new BigDecimal("412")),
                        new CallCompleted.Provenance(List.of("elevenlabs.post_call_transcription"),
                                "provider report")),
                new CallReported("elevenlabs", "post_call_transcription", "conv_7101k2def", "CA0123456789abcdef",
                        "agent_8401k2abc", "+12125550199", new CallTiming(AT, 94), CallOutcome.CONNECTED, true,
                        new CallResult(true, 0.82, "end_call tool",
                                Map.of("call_successful", "success", "data_collection", Map.of("qualified", true)),
                                "The contact asked for a demo next Tuesday."),
                        new CallReported.Charge(new BigDecimal("0.094"), new BigDecimal("412")),
                        Map.of("call_id", CALL.toString(), "attempt", "1"), AT),
                new RecordingReported("elevenlabs", "conv_7101k2def", "agent_8401k2abc", 1_482_311,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "agent_8401k2abc/conv_7101k2def.mp3", AT),
                new CampaignStarted(CAMPAIGN, TENANT, "Q4 re-engagement", CallingWindow.DEFAULT,
                        new Pacing(10, 20), new Pacing(50, 100), 10_000, AT),
                new CampaignPaused(CAMPAIGN, TENANT, "stop-loss: failure rate 0.41 > 0.30", COMMAND, AT),
                new CampaignResumed(CAMPAIGN, TENANT, AT),
                new CampaignRetimed(CAMPAIGN, TENANT, EVENINGS, COMMAND, AT),
                new CampaignScaled(CAMPAIGN, TENANT, new Pacing(20, 40), COMMAND, AT),
                new CampaignCompleted(CAMPAIGN, TENANT, 9_400, 600, AT),
                new CampaignCancelled(CAMPAIGN, TENANT, AT),
                new CampaignPause(COMMAND, CAMPAIGN, TENANT, DECISION, "stop-loss: failure rate 0.41 > 0.30", AT),
                new CampaignRetime(COMMAND, CAMPAIGN, TENANT, DECISION, EVENINGS,
                        "connect rate 0.12 < 0.20; best local hours 17-21", AT),
                new CampaignScale(COMMAND, CAMPAIGN, TENANT, DECISION, new Pacing(20, 40),
                        "efficiency 0.34 > 0.30", AT),
                new AgentScriptChange(COMMAND, CAMPAIGN, TENANT, DECISION,
                        new AgentScriptChange.Evidence(0.09, 0.15, 120, List.of(CALL)),
                        "Qualification is low among connected calls: review the opening and qualifying questions",
                        AT),
                new CampaignScaleUp(COMMAND, CAMPAIGN, TENANT, DECISION, 0.34, 0.30, new Pacing(20, 40), AT),
                new WebhookQuarantined(COMMAND, "elevenlabs", "conv_7101k2def", "data.analysis is not an object",
                        "{\"type\":\"post_call_transcription\"}", AT));
    }
}
