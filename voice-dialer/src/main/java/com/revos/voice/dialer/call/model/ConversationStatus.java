package com.revos.voice.dialer.call.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The provider's view of a conversation, for calls whose outcome webhook never came. {@code costUsd} is the fiat
 * cost ({@code metadata.cost_fiat}), {@code costCredits} the credits ({@code metadata.cost}): never mixed.
 */
public record ConversationStatus(String status, Integer durationSecs, BigDecimal costUsd, BigDecimal costCredits,
                                 String terminationReason, Boolean callSuccessful, String summary,
                                 Map<String, Object> analysis) {

    /** {@code done} and {@code failed} are terminal (provider-apis.md section 7). */
    public boolean terminal() {
        return "done".equals(status) || "failed".equals(status);
    }
}
