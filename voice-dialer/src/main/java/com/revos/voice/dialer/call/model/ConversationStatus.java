package com.revos.voice.dialer.call.model;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The provider's view of a conversation, for calls whose outcome webhook never came. {@code costUsd} is the fiat
 * cost ({@code metadata.cost_fiat}), {@code costCredits} the credits ({@code metadata.cost}): never mixed.
 */
public record ConversationStatus(@Nullable String status, @Nullable Integer durationSecs, @Nullable BigDecimal costUsd,
                                 @Nullable BigDecimal costCredits, @Nullable String terminationReason,
                                 @Nullable Boolean callSuccessful, @Nullable String summary,
                                 @Nullable Map<String, Object> analysis) {

    /** {@code done} and {@code failed} are terminal (provider-apis.md section 7). */
    public boolean terminal() {
        return "done".equals(status) || "failed".equals(status);
    }
}
