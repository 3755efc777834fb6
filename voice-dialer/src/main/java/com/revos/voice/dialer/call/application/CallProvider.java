package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.call.model.ConversationStatus;
import com.revos.voice.dialer.call.model.PlaceCall;
import com.revos.voice.dialer.call.model.ProviderResult;
import java.util.Optional;

/** The voice provider, as the dialer needs it. Implementations never throw for provider trouble. */
public interface CallProvider {

    ProviderResult place(PlaceCall call);

    /** The conversation, or empty when the provider cannot say now. */
    Optional<ConversationStatus> conversation(String conversationId);
}
