package com.revos.voice.dialer.compliance.application;

import java.util.UUID;

/** The tenant's do-not-call list, as opt-outs said during calls reach it. */
public interface OptOutList {

    /** Adds the number (kept if already there); true when it was added now. */
    boolean optOut(UUID tenantId, String phone, String reason, String source, UUID callId);
}
