package com.revos.voice.dialer.call.model;

import java.math.BigDecimal;

/** The provider's view of a conversation, for calls whose outcome webhook never came. */
public record ConversationStatus(String status, Integer durationSecs, BigDecimal cost, String terminationReason,
                                 Boolean callSuccessful) {

    /** {@code done} and {@code failed} are terminal (provider-apis.md section 7). */
    public boolean terminal() {
        return "done".equals(status) || "failed".equals(status);
    }
}
